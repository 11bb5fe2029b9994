// biome-ignore-all format: written by a program, compared byte for byte with its output
// Written by `npm run api:types` from GET /api/openapi.json (server/http/api-types.ts): do not edit.
// server/http/api-types.test.ts fails when this file no longer matches the server's schemas.

export type components = {
  schemas: {
    ApiToken: {
      createdAt: string;
      createdBy: {
        email: string;
        id: string;
        name: string;
      } | null;
      id: string;
      /** 最後に使われた時刻(1分単位で記録) */
      lastUsedAt: string | null;
      name: string;
      revokedAt: string | null;
      /** orders:read のような権限。write は read を含みます */
      scopes: string[];
    };
    Attention: {
      /** キャンセル希望の問い合わせ */
      cancelRequests: {
        action: string;
        /** 対応完了になっていない、購入者からのキャンセル希望(問い合わせ) */
        count: number;
        latestAt: string | null;
      };
      credentials: {
        daysLeft: number;
        expiresAt: string;
        level: "expired" | "expiring";
        message: string;
        shopId: string;
        shopName: string;
      }[];
      failedMails: {
        action: string;
        /** 直近7日に送れず、再送もしていないメール */
        count: number;
        latestAt: string | null;
      };
      generatedAt: string;
      importFailures: {
        action: string;
        /** 取り込めなかった注文(行)の数 */
        failed: number;
        kind: "mall" | "csv";
        message: string | null;
        runId: string;
        shopId: string;
        shopName: string;
        startedAt: string;
      }[];
      stockShort: {
        /** 今の有効在庫 */
        available: number;
        name: string;
        productId: string;
        /** この商品を待っている出荷の数 */
        shipments: number;
        /** 待っている出荷に足りない数 */
        short: number;
        sku: string;
        warehouseId: string;
        warehouseName: string;
      }[];
      tags: {
        /** すること */
        action: string;
        /** true なら 1000 件以上 */
        capped: boolean;
        color: string;
        count: number;
        group: "error" | "hold" | "payment" | "address" | "stock";
        groupLabel: string;
        hold: boolean;
        name: string;
        orders: {
          buyerName: string;
          id: string;
          mallOrderNumber: string;
          orderedAt: string;
          statusLabel: string;
        }[];
        systemCode: string | null;
        tagId: string;
      }[];
      /** 東京の日付(YYYY-MM-DD) */
      today: string;
      warehouses: {
        /** 出荷待ち(倉庫へ依頼前) */
        awaitingRequest: number;
        /** 出荷締め時刻(未設定は null) */
        cutoff: string | null;
        cutoffPassed: boolean;
        /** 出荷中のうち本日出荷予定 */
        dueToday: number;
        name: string;
        /** 出荷中のうち出荷予定日を過ぎたもの */
        overdue: number;
        /** 出荷中 */
        shipping: number;
        /** 出荷不可 */
        unshippable: number;
        warehouseId: string;
      }[];
    };
    B2bSettings: {
      /** 注文キャンセルの受付を許可 */
      allowCancelRequests: boolean;
      /** 適格請求書発行事業者登録番号(T+13桁) */
      invoiceRegistrationNumber: string | null;
      /** BtoBの注文が入るショップ(最初の設定か取引先の登録で作られます) */
      shopId: string | null;
      /** 発注フォームに在庫数を表示 */
      showStock: boolean;
    };
    BulkOrderAction: {
      action: "cancel" | "markPaid" | "attachTag" | "removeTag";
      /** キャンセルでモールに伝える理由(/api/vocabulary の mallCancelReasons の code、チャネルごとに1つ)。注文のチャネルのものが使われ、ないチャネルはその最初の理由 */
      mallCancelReasons?: ("rakuten:1" | "rakuten:4" | "rakuten:5" | "rakuten:6" | "rakuten:8" | "rakuten:10" | "rakuten:13")[];
      orderIds: string[];
      reason?: string;
      tagId?: string;
    };
    BulkOrderRun: {
      action: "cancel" | "markPaid" | "attachTag" | "removeTag";
      createdAt: string;
      /** 失敗したときの理由(再試行しても続けられなかった) */
      error: string | null;
      finishedAt: string | null;
      id: string;
      /** 処理済みの注文の数(完了+拒否) */
      processed: number;
      /** 拒否されたルールごとの件数と注文 */
      refusals: {
        /** 拒否のコード(order.cancel_not_allowed など) */
        code: string;
        count: number;
        /** 拒否の理由(そのうち1件の文面) */
        detail: string;
        /** 注文番号順に最大100件 */
        orders: {
          mallOrderNumber: string;
          orderId: string;
        }[];
        /** 拒否したルール(in_grace_period など) */
        rule: string | null;
      }[];
      refused: number;
      status: "queued" | "running" | "succeeded" | "failed";
      succeeded: number;
      /** 開始時に条件に合った注文の数 */
      total: number;
    };
    BulkOrderRunInput: {
      action: "cancel" | "markPaid" | "attachTag" | "removeTag";
      /** 受注一覧(GET /api/orders)と同じ絞り込み。条件に合うすべての注文が対象 */
      filter: {
        /** true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ */
        cancelRequested?: "true" | "false";
        includeDeleted?: "true" | "false";
        orderedFrom?: string;
        orderedTo?: string;
        /** 出荷予定日(から) YYYY-MM-DD */
        plannedShipFrom?: string;
        /** 出荷予定日(まで) YYYY-MM-DD */
        plannedShipTo?: string;
        q?: string;
        /** 出荷日(から): いずれかの出荷がこの時刻以降に出荷済 */
        shippedFrom?: string;
        /** 出荷日(まで) */
        shippedTo?: string;
        shippingStatus?: string;
        shopId?: string;
        status?: string;
        tag?: string;
      };
      /** キャンセルでモールに伝える理由(/api/vocabulary の mallCancelReasons の code、チャネルごとに1つ)。注文のチャネルのものが使われ、ないチャネルはその最初の理由 */
      mallCancelReasons?: ("rakuten:1" | "rakuten:4" | "rakuten:5" | "rakuten:6" | "rakuten:8" | "rakuten:10" | "rakuten:13")[];
      reason?: string;
      tagId?: string;
    };
    BuyerCompany: {
      closingDay: number | null;
      code: string;
      createdAt: string;
      disabled: boolean;
      id: string;
      name: string;
      notes: string;
      paymentDueDays: number | null;
      paymentTerms: "invoice" | "prepaid";
      paymentTermsLabel: string;
      rank: string | null;
    };
    BuyerMailDestination: {
      email: string;
      id: string;
      name: string;
    };
    BuyerPrice: {
      companyId?: string | null;
      lotQuantity: number;
      minQuantity: number;
      name: string;
      productId: string;
      rank?: string | null;
      sku: string;
      unitPrice: number;
    };
    BuyerShipTo: {
      address1: string;
      address2: string | null;
      id: string;
      label: string;
      name: string;
      phone: string;
      postalCode: string;
      prefecture: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
    };
    BuyerUser: {
      companyId: string;
      email: string;
      id: string;
      lastLoginAt: string | null;
      name: string;
      status: "active" | "invited" | "disabled";
      statusLabel: string;
    };
    CalendarDay: {
      date: string;
      /** 祝日名(元日、振替休日など) */
      holidayName: string | null;
      /** 臨時休業の理由 */
      note: string | null;
      /** 出荷する日 */
      open: boolean;
      reason: "holiday" | "weekday" | "closed_date" | "open_date" | null;
      /** 祝日・定休日・臨時休業・臨時営業日 */
      reasonLabel: string | null;
    };
    CarrierCsvExport: {
      contentType: "text/csv; charset=Shift_JIS";
      /** CSVファイル(Base64)。入れられる出荷が1件もなければnull */
      csvBase64: string | null;
      fileName: string;
      included: {
        shipmentId: string;
        slipNumber: string;
      }[];
      /** 問題があってCSVから外した出荷 */
      leftOut: {
        mallOrderNumber: string;
        orderId: string;
        problems: {
          /** 配送会社の項目名 */
          field: string;
          message: string;
          /** その画面のアドレス */
          path: string;
          rule: "max_length" | "required" | "unencodable_character" | "format" | "not_offered";
          /** 直す画面(メニューの名前) */
          screen: string;
          value: string;
        }[];
        shipmentId: string;
        slipNumber: string;
      }[];
    };
    Channel: {
      /** チャネルに伝えるキャンセル理由(コードは <チャネル>:<理由>) */
      cancelReasons: {
        code: string;
        label: string;
      }[];
      capabilities: {
        cancel: boolean;
        /** 注文確認をチャネルに送る */
        confirm: boolean;
        /** 購入者からの問い合わせ(モールのメッセージ)を取り込み、返信する */
        inquiries: boolean;
        reportShipping: boolean;
        stock: boolean;
      };
      code: string;
      /** ショップ設定の認証情報欄(空ならモール接続なし) */
      credentials: {
        hint: string | null;
        key: string;
        label: string;
        type: "secret" | "expiresAt";
      }[];
      defaultGracePeriodMinutes: number;
      kind: "mall" | "cart" | "file" | "internal";
      label: string;
      /** 注文の入り方: 取込(ポーリング)・ファイル・Juchuで登録 */
      source: "poll" | "upload" | "internal";
    };
    CsvImportRow: {
      field: string | null;
      fieldLabel: string | null;
      /** ファイルの行番号(見出し行が1行目) */
      line: number;
      message: string | null;
      orderId: string | null;
      orderNumber: string | null;
      outcome: "created" | "unchanged" | "skipped" | "failed";
      rule: string | null;
    };
    CsvImportRun: {
      /** 読み終えたバイト数(進捗) */
      bytesRead: number;
      /** 登録した注文 */
      created: number;
      /** 判定した文字コード */
      encoding: string | null;
      error: string | null;
      /** 誤りのある行を含み登録しなかった注文 */
      failed: number;
      failedRows: number;
      fileName: string | null;
      finishedAt: string | null;
      id: string;
      profileId: string;
      profileName: string;
      rowsRead: number;
      shopId: string;
      /** キャンセル済みの番号などで登録しなかった注文 */
      skipped: number;
      startedAt: string;
      status: "uploading" | "queued" | "running" | "succeeded" | "failed";
      totalBytes: number;
      /** 登録済みで変更しなかった注文(同じファイルの再取込など) */
      unchanged: number;
    };
    CsvOrderProfile: {
      /** 標準の取込設定(変更・削除不可) */
      builtIn: boolean;
      columns: {
        buyerEmail?: string[];
        buyerName?: string[];
        buyerPhone?: string[];
        itemCode?: string[];
        itemName?: string[];
        orderNumber?: string[];
        orderedAt?: string[];
        paid?: string[];
        paymentMethod?: string[];
        quantity?: string[];
        remarks?: string[];
        shipToAddress1?: string[];
        shipToAddress2?: string[];
        shipToName?: string[];
        shipToPhone?: string[];
        shipToPostalCode?: string[];
        shipToPrefecture?: string[];
        shippingFee?: string[];
        skuCode?: string[];
        unitPrice?: string[];
      };
      dateFormat: "yyyy/MM/dd HH:mm:ss" | "yyyy-MM-dd HH:mm:ss" | "yyyy/MM/dd" | "yyyy-MM-dd" | "yyyyMMddHHmmss" | "yyyyMMdd";
      encoding: "auto" | "shift_jis" | "utf-8";
      headerRow: boolean;
      id: string;
      name: string;
    };
    CsvOrderProfileInput: {
      columns: {
        buyerEmail?: string[];
        buyerName?: string[];
        buyerPhone?: string[];
        itemCode?: string[];
        itemName?: string[];
        orderNumber?: string[];
        orderedAt?: string[];
        paid?: string[];
        paymentMethod?: string[];
        quantity?: string[];
        remarks?: string[];
        shipToAddress1?: string[];
        shipToAddress2?: string[];
        shipToName?: string[];
        shipToPhone?: string[];
        shipToPostalCode?: string[];
        shipToPrefecture?: string[];
        shippingFee?: string[];
        skuCode?: string[];
        unitPrice?: string[];
      };
      dateFormat: "yyyy/MM/dd HH:mm:ss" | "yyyy-MM-dd HH:mm:ss" | "yyyy/MM/dd" | "yyyy-MM-dd" | "yyyyMMddHHmmss" | "yyyyMMdd";
      encoding: "auto" | "shift_jis" | "utf-8";
      headerRow: boolean;
      name: string;
    };
    Customer: {
      /** 購入金額の合計(円、同上) */
      amount: number;
      /** 購入者のメールアドレス(モールの中継アドレスは含めない) */
      email: string | null;
      id: string;
      lastOrderedAt: string;
      /** 最新の注文の購入者名 */
      name: string;
      /** 購入回数(キャンセル・削除・テスト取込の注文を除く) */
      orderCount: number;
      phone: string | null;
      /** 最新の注文の送付先郵便番号 */
      postalCode: string | null;
      /** いまの顧客ランク(顧客ランク設定)。null はランクなし */
      rank: string | null;
    };
    CustomerDetail: {
      /** 購入金額の合計(円、同上) */
      amount: number;
      /** 購入者のメールアドレス(モールの中継アドレスは含めない) */
      email: string | null;
      id: string;
      lastOrderedAt: string;
      /** 最新の注文の購入者名 */
      name: string;
      /** 購入回数(キャンセル・削除・テスト取込の注文を除く) */
      orderCount: number;
      orders: {
        /** 注文時の顧客ランク */
        customerRank: string | null;
        id: string;
        mallOrderNumber: string;
        orderedAt: string;
        shopName: string;
        status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled";
        statusLabel: string;
        testImport: boolean;
        total: number | null;
      }[];
      phone: string | null;
      /** 最新の注文の送付先郵便番号 */
      postalCode: string | null;
      /** いまの顧客ランク(顧客ランク設定)。null はランクなし */
      rank: string | null;
    };
    CustomerRank: {
      /** 例: 過去365日に3回以上かつ30,000円以上 */
      description: string;
      id: string;
      /** 期間内の購入金額(円)の下限 */
      minAmount: number | null;
      /** 期間内の購入回数の下限 */
      minOrderCount: number | null;
      name: string;
      /** 集計期間: 今日(日本時間)までの日数 */
      periodDays: number;
      /** 1から順に判定し、最初に条件を満たしたランクになります */
      priority: number;
    };
    DeliveryConditions: {
      /** 配送会社。null は倉庫の既定 */
      carrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
      /** お届け対応可能日数: 出荷できるまでに要る営業日数(出荷予定日に足す) */
      leadDays: number;
      /** 受け付けるお届け時間帯。null は配送会社の扱うすべて、[] は時間帯指定不可 */
      timeSlots: ("am" | "12-14" | "14-16" | "16-18" | "18-20" | "18-21" | "19-21")[] | null;
      /** 物流会社(倉庫ID)。null はショップの倉庫 */
      warehouseId: string | null;
    };
    ImportCheck: {
      items: {
        checks: {
          field: "warehouse" | "carrier" | "shipDate" | "desiredDelivery" | "sender" | "remarksWish" | "payment" | "optionAmount" | "billedTotal" | "mails";
          label: string;
          ok: boolean;
          value: string;
          why: string;
        }[];
        id: string;
        mallOrderNumber: string;
        orderedAt: string;
        /** 処理済みにしたか */
        processed: boolean;
      }[];
      /** 一度に返す件数の上限(新しい順) */
      limit: number;
      /** テスト取込した注文の件数 */
      total: number;
    };
    ImportRun: {
      /** 新規に取り込んだ注文 */
      created: number;
      errors: {
        code: string;
        mallOrderNumber?: string;
        message: string;
      }[];
      /** 読めたが書き込めなかった注文(理由は errors) */
      failed: number;
      finishedAt: string | null;
      /** 検索で見つかった注文 */
      found: number;
      id: string;
      /** この回に読んだ注文(検索で見つかった注文+再確認した取込済みの注文)。新規+更新+変化なし+スキップ+失敗 = この件数 */
      seen: number;
      /** キャンセル済み・削除済みの番号などで取り込まなかった注文 */
      skipped: number;
      startedAt: string;
      status: "running" | "succeeded" | "failed" | "interrupted";
      testImport: boolean;
      unchanged: number;
      /** モールの変更を反映した注文 */
      updated: number;
      windowFrom: string;
      windowTo: string;
    };
    InquiryDetail: components["schemas"]["InquirySummary"] & {
      replies: {
        at: string;
        from: "buyer" | "shop";
        message: string;
      }[];
      timeline: {
        /** だれが行ったか */
        actedBy: {
          /** ユーザーまたはAPIトークンのID(システムは null) */
          id: string | null;
          kind: "user" | "token" | "system";
          /** ユーザーの名前(なければメールアドレス)、APIトークンの名前、または「システム」 */
          label: string;
        };
        actor: string;
        at: string;
        message: string;
        type: string;
      }[];
    };
    InquirySummary: {
      /** キャンセル連携で行ったこと: cancelled 注文キャンセル / withdrawn 出荷依頼取下げ(注文はキャンセルしていない) / withdraw_refused 取下げ不可 / tagged タグ付け / none なし */
      action: "cancelled" | "withdrawn" | "withdraw_refused" | "tagged" | "none";
      /** 行ったことの説明(倉庫の拒否理由など) */
      actionNote: string | null;
      buyerName: string;
      /** キャンセル希望(モールの種別、またはショップのキャンセル語句) */
      cancelRequested: boolean;
      /** モールの問い合わせ種別 */
      category: string | null;
      /** 対応完了 */
      completed: boolean;
      id: string;
      /** モールの問い合わせ番号 */
      inquiryNumber: string;
      mallOrderNumber: string | null;
      /** 購入者の最初のメッセージ(一覧では先頭200文字) */
      message: string;
      /** 紐付いた注文(モール注文番号の注文がないときnull) */
      orderId: string | null;
      read: boolean;
      receivedAt: string;
      /** 返信をモールが受け付けなかったときのモールの説明 */
      replyError: string | null;
      /** 返信: なし / 送信待ち / 送信済み / モールが拒否 */
      replyState: "none" | "pending" | "sent" | "failed";
      shopId: string;
      shopName: string;
      updatedAt: string;
    };
    Mail: {
      attempts: number;
      body: string | null;
      categoryId: string;
      categoryName: string;
      createdAt: string;
      dueAt: string;
      fromAddress: string | null;
      id: string;
      lastError: string | null;
      mallOrderNumber: string;
      messageId: string;
      note: string | null;
      orderId: string;
      resendOf: string | null;
      sentAt: string | null;
      shipmentId: string | null;
      shopId: string;
      status: "queued" | "sending" | "sent" | "failed" | "skipped" | "kept";
      statusLabel: string;
      subject: string | null;
      toAddress: string;
    };
    MailCategory: {
      delayMinutes: number;
      enabled: boolean;
      id: string;
      name: string;
      /** 優先度(大きいほど優先): 同じ時点の特定商品カテゴリーが複数当てはまる注文には、いちばん高いものだけを送る */
      priority: number;
      productId: string | null;
      /** order_event は注文の出来事(キャンセルリクエストなど)で送るカテゴリー: その機能が作り、送信条件は変えられない */
      triggerKind: "order_status" | "shipping_status" | "order_event";
      triggerStatus: string;
    };
    MailTemplate: {
      body: string;
      categoryId: string;
      enabled: boolean;
      id: string;
      name: string;
      subject: string;
      updatedAt: string;
    };
    OptionSurcharge: {
      /** 金額(1個あたり、税込、円)。値引きは負 */
      amount: number;
      /** 選択肢 */
      choice: string;
      /** 商品管理番号。空 = ショップの全商品(共通項目選択肢) */
      mallItemCode: string;
      /** 項目名 */
      name: string;
    };
    Order: {
      allowedActions: string[];
      b2b: components["schemas"]["OrderB2b"];
      buyer: {
        email: string;
        /** モールの中継アドレス(楽天 あんしんメルアド) */
        emailMasked: boolean;
        name: string;
        phone: string | null;
      };
      couponDiscount: number;
      /** クーポン値引の内訳 */
      couponDiscounts: {
        /** モールのクーポン(楽天クーポン) */
        mall: number;
        /** ショップクーポン */
        shop: number;
      };
      createdAt: string;
      /** 顧客(GET /api/customers/{id}) */
      customerId: string | null;
      /** 注文時の顧客ランク(顧客ランク設定) */
      customerRank: string | null;
      deleted: boolean;
      deletedAt: string | null;
      /** お届け希望日 (YYYY-MM-DD) */
      desiredDeliveryDate: string | null;
      /** お届け希望日がお届け予定日より前(間に合わない) */
      desiredDeliveryTooEarly: boolean;
      /** お届け希望時間帯 */
      desiredTimeSlot: string | null;
      events: {
        /** だれが行ったか */
        actedBy: {
          /** ユーザーまたはAPIトークンのID(システムは null) */
          id: string | null;
          kind: "user" | "token" | "system";
          /** ユーザーの名前(なければメールアドレス)、APIトークンの名前、または「システム」 */
          label: string;
        };
        /** user:<id> / token:<id> / system[:job](名前は actedBy) */
        actor: string;
        at: string;
        detail?: unknown;
        fromStatus: string | null;
        message: string;
        toStatus: string | null;
        type: string;
      }[];
      /** お届け予定日(YYYY-MM-DD): 出荷予定日+配送日数 */
      expectedDeliveryDate: string | null;
      /** 手数料の内訳(モールが分けて渡すとき) */
      feeBreakdown: {
        /** 代引手数料 */
        cashOnDelivery: number | null;
        /** 後払い手数料 */
        deferredPayment: number | null;
        /** 決済手数料 */
        payment: number | null;
        /** ラッピング料 */
        wrapping: number | null;
      } | null;
      /** 代引料・決済手数料。null は未確定 */
      fees: number | null;
      /** ギフト指定 */
      gift: boolean;
      graceUntil: string;
      /** 保留・要対応の理由と解消のしかた(タグと待ち理由ごと) */
      holds: {
        action: string | null;
        hold: boolean;
        howToClear: string;
        name: string;
        tagId: string | null;
        why: string;
      }[];
      id: string;
      items: {
        id: string;
        lineNo: number;
        mallItemCode: string;
        /** 商品番号(楽天 itemNumber) */
        mallItemNumber: string | null;
        mallSkuCode: string;
        mapped: boolean;
        name: string;
        /** オプション金額: 選んだ項目選択肢の加算額(1個あたり、税込、単価とは別)。単価+オプション金額が1個の請求額 */
        optionAmount: number;
        productMappingId: string | null;
        quantity: number;
        selectedChoice: string;
        shipmentId: string | null;
        unitPrice: number;
      }[];
      /** モール側の状態(取込注文のみ) */
      mall: {
        checkedAt: string | null;
        confirmedAt: string | null;
        paymentLabel: string | null;
        status: string;
        statusLabel: string;
      } | null;
      /** 受注修正をモールに伝えるか: told 伝える / not_told モールには反映されない / none モールの注文ではない */
      mallEdit: "told" | "not_told" | "none";
      mallOrderNumber: string;
      orderedAt: string;
      paid: boolean;
      paidAt: string | null;
      paymentMethod: string;
      paymentMethodLabel: string;
      /** 出荷予定日(YYYY-MM-DD): 倉庫の回答、なければ倉庫カレンダーから */
      plannedShipDate: string | null;
      /** 出荷予定日の出どころ: warehouse 倉庫の回答 / calendar 倉庫カレンダー */
      plannedShipDateBy: "warehouse" | "calendar" | null;
      pointsUsed: number;
      remarks: string | null;
      shipTo: Record<string, unknown>;
      shipments: {
        /** ソーシャルギフトの受取人が住所を未入力 */
        addressPending: boolean;
        allocations: {
          allocated: number;
          productId: string;
          required: number;
        }[];
        /** この出荷に今できる操作: 出荷依頼/再依頼・取下げ・分割 */
        allowedActions: ("request" | "withdraw" | "split")[];
        /** 倉庫カレンダーから求めた出荷予定日 */
        calendarShipDate: string | null;
        /** 最初の荷物の配送会社名 */
        carrier: string | null;
        /** 購入者が選んだ配送会社 */
        chosenCarrier: {
          /** Juchuの配送会社。対応がなければ null */
          carrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
          label: string;
          /** モールの配送会社コード(楽天 1001 …)。未知のコードもそのまま */
          mallCode: string;
        } | null;
        /** 同梱グループ(先頭の出荷のID) */
        consolidationId: string | null;
        /** 配送会社(商品の配送条件から)。null は倉庫の既定 */
        deliveryCarrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
        /** 置き配の場所 */
        dropOffLocation: string | null;
        /** お届け予定日(出荷予定日+配送日数) */
        expectedDeliveryDate: string | null;
        id: string;
        /** モールの送付先ID (楽天 basketId) */
        mallPackageId: string | null;
        mallReportedAt: string | null;
        /** 熨斗(のし) */
        noshi: string | null;
        parcels: {
          carrier: "yamato" | "sagawa" | "japanpost" | "other";
          carrierLabel: string;
          /** モールに報告した発送明細ID (楽天 shippingDetailId) */
          mallShippingId: string | null;
          trackingNumber: string;
          trackingUrl: string | null;
        }[];
        /** コンビニ・郵便局受取: 荷物はここへ届く(送付先はこの住所) */
        pickupPoint: {
          address: string;
          /** 受取場所の種類(ファミリーマート、郵便局 …) */
          kind: string;
          name: string;
          postalCode: string;
          prefecture: string;
          storeCode: string;
        } | null;
        /** 倉庫が答えた出荷予定日 */
        plannedShipDate: string | null;
        /** 商品のお届け対応可能日数(出荷予定日に足した営業日数) */
        productLeadDays: number;
        /** 離島・一部地域 */
        remoteIsland: boolean;
        requestDueAt: string | null;
        requestedAt: string | null;
        /** 注文の送付先と異なる場合の送付先 */
        shipTo: Record<string, unknown> | null;
        shippedAt: string | null;
        shippedOn: string | null;
        /** この出荷に指定した配送サービス(nullは商品の既定に従う) */
        shippingService: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays" | null;
        /** 出荷番号(送り状のお客様管理番号) */
        slipNumber: string;
        status: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled";
        statusLabel: string;
        /** クール便: chilled 冷蔵 / frozen 冷凍。null は常温 */
        temperature: "chilled" | "frozen" | null;
        /** 常温・冷蔵・冷凍 */
        temperatureLabel: string;
        /** 最初の荷物の伝票番号 */
        trackingNumber: string | null;
        unshippableReason: string | null;
        warehouseId: string;
        /** 倉庫の依頼番号 */
        warehouseReference: string | null;
      }[];
      /** null は送料未確定 */
      shippingFee: number | null;
      shippingStatus: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled" | null;
      shippingStatusLabel: string | null;
      shopId: string;
      source: string;
      status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled";
      statusLabel: string;
      subtotal: number;
      tags: {
        color: string;
        hold: boolean;
        id: string;
        kind: "system" | "custom";
        name: string;
        systemCode: string | null;
      }[];
      /** 税率ごとの請求額と消費税(税込) */
      taxSummary: {
        amount: number | null;
        ratePercent: number;
        tax: number | null;
      }[];
      /** テスト取込の注文: メール・倉庫・モールには何も送らない */
      testImport: boolean;
      /** 請求金額。null は未確定 */
      total: number | null;
      updatedAt: string;
      /** 受注修正で送る版(PATCH の version) */
      version: number;
      waitingFor: string[];
      /** ラッピング */
      wrappings: {
        fee: number | null;
        name: string;
      }[];
    };
    /** BtoBの注文のとき: 取引先と発注の経路、キャンセルリクエスト。ほかの注文は null */
    OrderB2b: {
      cancelRequest: {
        decidedAt: string | null;
        /** requested なら「発注者がキャンセルを希望しています」 */
        label: string;
        reasonLabel: string;
        reasonText: string | null;
        refusalReason: string | null;
        requestedAt: string;
        status: "requested" | "approved" | "refused";
      } | null;
      companyId: string;
      companyName: string;
      /** form 発注フォーム / mail メール発注 */
      placedVia: "form" | "mail";
    } | null;
    OrderEdit: {
      amounts?: {
        couponDiscount?: number;
        fees?: number;
        shippingFee?: number;
      };
      /** 編集後の明細すべて: id のある行は残して数量を変え、id のない行は追加、載せなかった行は削除 */
      items?: ({
        id: string;
        quantity?: number;
      } | {
        mallItemCode: string;
        mallSkuCode?: string;
        name: string;
        quantity: number;
        unitPrice: number;
      })[];
      paymentMethod?: "credit_card" | "bank_transfer" | "convenience_store" | "cash_on_delivery" | "rakuten_pay" | "paypay" | "amazon_pay" | "postal_transfer" | "invoice" | "other";
      shipTo?: {
        address1: string;
        address2?: string;
        name: string;
        phone: string;
        postalCode: string;
        prefecture: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
      };
      shippingService?: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays" | null;
      /** 編集を始めたときの注文の version(GET の version) */
      version: number;
    };
    OrderExport: {
      bom: boolean;
      bytes: number;
      columns: ("orderNumber" | "orderedAt" | "shop" | "status" | "buyerName" | "buyerEmail" | "buyerPhone" | "shipToName" | "shipToPostalCode" | "shipToAddress" | "shipToPhone" | "paymentMethod" | "paidAt" | "subtotal" | "shippingFee" | "fees" | "couponDiscount" | "pointsUsed" | "total" | "deliveryMethod" | "plannedShipDate" | "shippedAt" | "desiredDeliveryDate" | "desiredTimeSlot" | "tags" | "remarks")[];
      createdAt: string;
      /** 完了したらファイルのダウンロード先 */
      downloadPath: string | null;
      encoding: "shift_jis" | "utf8";
      /** 失敗したときの理由(再試行しても出力できなかった) */
      error: string | null;
      finishedAt: string | null;
      id: string;
      /** Shift_JIS(CP932)で表せず「?」に置き換えた文字の数(絵文字、一部の異体字など) */
      replacedChars: number;
      /** 置き換えた文字があった列 */
      replacedColumns: {
        key: "orderNumber" | "orderedAt" | "shop" | "status" | "buyerName" | "buyerEmail" | "buyerPhone" | "shipToName" | "shipToPostalCode" | "shipToAddress" | "shipToPhone" | "paymentMethod" | "paidAt" | "subtotal" | "shippingFee" | "fees" | "couponDiscount" | "pointsUsed" | "total" | "deliveryMethod" | "plannedShipDate" | "shippedAt" | "desiredDeliveryDate" | "desiredTimeSlot" | "tags" | "remarks";
        label: string;
      }[];
      /** 書き出し済みの注文の数 */
      rowsWritten: number;
      status: "queued" | "running" | "succeeded" | "failed";
      /** 出力する注文の数(完了後は出力した数) */
      total: number;
    };
    OrderExportInput: {
      /** UTF-8 のときファイルの先頭にBOMを付ける(Excelで文字化けしない) */
      bom: boolean;
      columns: ("orderNumber" | "orderedAt" | "shop" | "status" | "buyerName" | "buyerEmail" | "buyerPhone" | "shipToName" | "shipToPostalCode" | "shipToAddress" | "shipToPhone" | "paymentMethod" | "paidAt" | "subtotal" | "shippingFee" | "fees" | "couponDiscount" | "pointsUsed" | "total" | "deliveryMethod" | "plannedShipDate" | "shippedAt" | "desiredDeliveryDate" | "desiredTimeSlot" | "tags" | "remarks")[];
      /** shift_jis(Excel・業務ソフト向け、CP932)または utf8 */
      encoding: "shift_jis" | "utf8";
      /** 受注一覧(GET /api/orders)と同じ絞り込み。ページではなく条件に合うすべての注文を出力 */
      filter: {
        /** true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ */
        cancelRequested?: "true" | "false";
        includeDeleted?: "true" | "false";
        orderedFrom?: string;
        orderedTo?: string;
        /** 出荷予定日(から) YYYY-MM-DD */
        plannedShipFrom?: string;
        /** 出荷予定日(まで) YYYY-MM-DD */
        plannedShipTo?: string;
        q?: string;
        /** 出荷日(から): いずれかの出荷がこの時刻以降に出荷済 */
        shippedFrom?: string;
        /** 出荷日(まで) */
        shippedTo?: string;
        shippingStatus?: string;
        shopId?: string;
        sort?: "orderedAt" | "-orderedAt";
        status?: string;
        tag?: string;
      };
    };
    OrderRegistration: {
      buyer: {
        email: string;
        name: string;
        phone?: string;
      };
      desiredDeliveryDate?: string;
      /** お届け希望時間帯(午前中、14:00-16:00 など)。配送会社・商品の配送条件で指定できなければ保留 */
      desiredTimeSlot?: string;
      items: {
        mallItemCode: string;
        mallSkuCode?: string;
        name: string;
        quantity: number;
        unitPrice: number;
      }[];
      mallOrderNumber: string;
      orderedAt?: string;
      paid?: boolean;
      paymentMethod: "credit_card" | "bank_transfer" | "convenience_store" | "cash_on_delivery" | "rakuten_pay" | "paypay" | "amazon_pay" | "postal_transfer" | "invoice" | "other";
      remarks?: string;
      shipTo: {
        address1: string;
        address2?: string;
        name: string;
        phone: string;
        postalCode: string;
        prefecture: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
      };
      shippingFee?: number;
      shopId: string;
    };
    OrderSummary: {
      b2b: components["schemas"]["OrderB2b"];
      buyerName: string;
      deleted: boolean;
      /** 配送方法: 購入時に選ばれた配送方法、なければ出荷の配送サービス */
      deliveryMethod: string | null;
      /** お届け希望日 */
      desiredDeliveryDate: string | null;
      /** お届け希望日がお届け予定日より前(間に合わない) */
      desiredDeliveryTooEarly: boolean;
      /** お届け希望時間帯 */
      desiredTimeSlot: string | null;
      /** お届け予定日(YYYY-MM-DD): 出荷予定日+配送日数 */
      expectedDeliveryDate: string | null;
      id: string;
      mallOrderNumber: string;
      orderedAt: string;
      paid: boolean;
      paymentMethod: string;
      /** 出荷予定日(YYYY-MM-DD): 倉庫の回答、なければ倉庫カレンダーから */
      plannedShipDate: string | null;
      /** 出荷予定日の出どころ: warehouse 倉庫の回答 / calendar 倉庫カレンダー */
      plannedShipDateBy: "warehouse" | "calendar" | null;
      shippingStatus: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled" | null;
      shippingStatusLabel: string | null;
      shopId: string;
      status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled";
      statusLabel: string;
      tags: {
        color: string;
        hold: boolean;
        id: string;
        name: string;
      }[];
      /** 請求金額。null は未確定(送料未確定など) */
      total: number | null;
    };
    Plan: {
      code: "light" | "standard" | "automation" | "business" | "self_hosted";
      features: ("mail_automation" | "inquiry_linkage" | "warehouse_linkage" | "b2b_desk")[];
      label: string;
      /** 登録できるショップ数(nullは無制限) */
      shopLimit: number | null;
    };
    Problem: {
      code: string;
      detail: string;
      errors?: {
        message: string;
        path: string;
        /** 破ったルール(CSVの行ごとの報告など) */
        rule?: string;
      }[];
      rule?: string;
      status: number;
      title: string;
      type: string;
    };
    Product: {
      id: string;
      name: string;
      /** 配送サービス(送り状の種類の既定) */
      shippingService: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays";
      sku: string;
      stock: {
        /** 注文に引当済みの数 */
        allocated: number;
        /** onHand - allocated: 新しい注文に引当てられる数 */
        available: number;
        onHand: number;
        /** 在庫引当中の出荷にまだ足りない数(引当待ちの注文が必要とする数) */
        waitingNeed: number;
        warehouseId: string;
        warehouseName: string;
      }[];
      /** 温度帯: ambient 常温, chilled 冷蔵, frozen 冷凍 */
      temperature: "ambient" | "chilled" | "frozen";
    };
    ProductImportRow: {
      field: string | null;
      fieldLabel: string | null;
      /** ファイルの行番号(見出し行が1行目) */
      line: number;
      mallItemCode: string | null;
      mallSkuCode: string | null;
      message: string | null;
      outcome: "created" | "updated" | "mapped" | "unchanged" | "skipped" | "failed";
      productId: string | null;
      rule: string | null;
      sku: string | null;
    };
    ProductImportRun: {
      /** 読み終えたバイト数(進捗) */
      bytesRead: number;
      /** 新しい商品として登録(一致する商品がない行) */
      createMissing: boolean;
      /** 登録した商品 */
      created: number;
      /** 判定した文字コード */
      encoding: string | null;
      error: string | null;
      failed: number;
      fileName: string | null;
      finishedAt: string | null;
      id: string;
      /** マッピングだけ登録した行 */
      mapped: number;
      /** master: 商品マスタを作る取込 / map: 既存の商品にマッピングする取込 */
      mode: "master" | "map";
      /** 読み終えた行数 */
      rowsRead: number;
      shopId: string;
      skipped: number;
      startedAt: string;
      status: "uploading" | "queued" | "running" | "succeeded" | "failed";
      totalBytes: number;
      unchanged: number;
      /** 商品名を更新した商品 */
      updated: number;
    };
    ProductMapping: {
      components: {
        name: string;
        productId: string;
        quantity: number;
        sku: string;
      }[];
      id: string;
      mallItemCode: string;
      /** null: どのSKUでもこの商品管理番号ならこのマッピング */
      mallSkuCode: string | null;
      shopId: string;
    };
    ProductMappingInput: {
      components: {
        productId: string;
        quantity: number;
      }[];
      mallItemCode: string;
      mallSkuCode?: string | null;
      shopId: string;
    };
    ProductOrderLine: {
      /** このショップでこの商品だけにマッピングした商品管理番号、なければSKU */
      mallItemCode: string;
      mallSkuCode: string;
      /** 商品管理番号がこの商品にマッピング済み */
      mapped: boolean;
      name: string;
      /** このショップで最後に売れた単価(売れたことがなければ null) */
      unitPrice: number | null;
    };
    Reference: {
      shops: components["schemas"]["Shop"][];
      tags: components["schemas"]["Tag"][];
      vocabulary: components["schemas"]["Vocabulary"];
      warehouses: components["schemas"]["Warehouse"][];
    };
    SavedSearch: {
      id: string;
      name: string;
      /** 一覧のURLのクエリ(例: status=confirmed&from=2026-12-01) */
      query: string;
      /** orders = 受注一覧、shipments = 出荷一覧 */
      screen: "orders" | "shipments";
    };
    Session: {
      account: {
        id: string;
        name: string;
      };
      /** Cookieで呼ぶ変更系のAPIに x-csrf-token ヘッダーで付けるトークン */
      csrfToken: string;
      expiresAt: string;
      /** このセッションでできること(orders:write なら orders:read も含めて列挙) */
      permissions: string[];
      plan: {
        code: "light" | "standard" | "automation" | "business" | "self_hosted";
        features: ("mail_automation" | "inquiry_linkage" | "warehouse_linkage" | "b2b_desk")[];
        label: string;
        /** 登録できるショップ数(null は無制限) */
        shopLimit: number | null;
      };
      user: {
        email: string;
        id: string;
        name: string;
        role: "owner" | "admin" | "staff" | "viewer";
        roleLabel: string;
      };
    };
    SetupChecklist: {
      /** すべて確認済みなら true(受注連動を有効にできる) */
      complete: boolean;
      items: {
        /** 確認した人と日時(未確認は null) */
        confirmed: {
          /** だれが行ったか */
          actedBy: {
            /** ユーザーまたはAPIトークンのID(システムは null) */
            id: string | null;
            kind: "user" | "token" | "system";
            /** ユーザーの名前(なければメールアドレス)、APIトークンの名前、または「システム」 */
            label: string;
          };
          at: string;
        } | null;
        /** Juchuが自動で確かめた事実 */
        facts: {
          ok: boolean;
          text: string;
        }[];
        item: "shop_info" | "calendar" | "masters" | "product_import" | "delivery_conditions" | "options" | "customer_ranks" | "test_import_checked" | "mails_previewed";
        label: string;
        /** 設定する画面のパス */
        link: string;
      }[];
    };
    ShipmentRow: {
      /** ソーシャルギフトの受取人が住所を未入力 */
      addressPending: boolean;
      /** 自社倉庫の出荷: ピッキングリスト・送り状データの対象 */
      atStockRoom: boolean;
      buyerName: string;
      /** 倉庫カレンダーから求めた出荷予定日 */
      calendarShipDate: string | null;
      /** 最初の荷物の配送会社名 */
      carrier: string | null;
      /** 購入者が選んだ配送会社 */
      chosenCarrier: {
        /** Juchuの配送会社。対応がなければ null */
        carrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
        label: string;
        /** モールの配送会社コード(楽天 1001 …)。未知のコードもそのまま */
        mallCode: string;
      } | null;
      /** 同梱グループ(先頭の出荷のID) */
      consolidationId: string | null;
      /** 配送会社(商品の配送条件から)。null は倉庫の既定 */
      deliveryCarrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
      /** 置き配の場所 */
      dropOffLocation: string | null;
      /** お届け予定日(出荷予定日+配送日数) */
      expectedDeliveryDate: string | null;
      id: string;
      mallOrderNumber: string;
      /** モールの送付先ID (楽天 basketId) */
      mallPackageId: string | null;
      mallReportedAt: string | null;
      /** 熨斗(のし) */
      noshi: string | null;
      orderId: string;
      orderStatus: string;
      orderStatusLabel: string;
      parcels: {
        carrier: "yamato" | "sagawa" | "japanpost" | "other";
        carrierLabel: string;
        /** モールに報告した発送明細ID (楽天 shippingDetailId) */
        mallShippingId: string | null;
        trackingNumber: string;
        trackingUrl: string | null;
      }[];
      /** コンビニ・郵便局受取: 荷物はここへ届く(送付先はこの住所) */
      pickupPoint: {
        address: string;
        /** 受取場所の種類(ファミリーマート、郵便局 …) */
        kind: string;
        name: string;
        postalCode: string;
        prefecture: string;
        storeCode: string;
      } | null;
      /** 倉庫が答えた出荷予定日 */
      plannedShipDate: string | null;
      /** 商品のお届け対応可能日数(出荷予定日に足した営業日数) */
      productLeadDays: number;
      /** 離島・一部地域 */
      remoteIsland: boolean;
      requestDueAt: string | null;
      requestedAt: string | null;
      /** 注文の送付先と異なる場合の送付先 */
      shipTo: Record<string, unknown> | null;
      shipToName: string;
      shippedAt: string | null;
      shippedOn: string | null;
      /** この出荷に指定した配送サービス(nullは商品の既定に従う) */
      shippingService: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays" | null;
      shopId: string;
      shopName: string;
      /** 出荷番号(送り状のお客様管理番号) */
      slipNumber: string;
      status: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled";
      statusLabel: string;
      /** クール便: chilled 冷蔵 / frozen 冷凍。null は常温 */
      temperature: "chilled" | "frozen" | null;
      /** 常温・冷蔵・冷凍 */
      temperatureLabel: string;
      /** 最初の荷物の伝票番号 */
      trackingNumber: string | null;
      unshippableReason: string | null;
      warehouseId: string;
      warehouseKind: string;
      warehouseName: string;
      /** 倉庫の依頼番号 */
      warehouseReference: string | null;
    };
    Shop: {
      /** チャネルのコード(/api/vocabulary の channels) */
      channel: string;
      channelLabel: string;
      createdAt: string;
      /** 有効期限の14日前から出る警告 */
      credentialWarning: {
        daysLeft: number;
        level: "expired" | "expiring";
        message: string;
      } | null;
      /** 認証情報の有効期限(期限のあるチャネルのみ) */
      credentialsExpireAt: string | null;
      hasCredentials: boolean;
      id: string;
      name: string;
      settings: {
        gracePeriodMinutes: number;
        importEnabled: boolean;
        importIntervalMinutes: number;
        inquiryLinkage: {
          autoCancel: boolean;
          cancelPhrases: string[];
          enabled: boolean;
          replyTemplate: string;
        };
        paymentOverdueDays: number;
        reflectCancelToMall: boolean;
        returnStockOnCancel: boolean;
        shipFrom: {
          mode: "warehouse";
        } | {
          address1: string;
          address2?: string;
          mode: "shop";
          name: string;
          phone: string;
          postalCode: string;
          prefecture: string;
        };
        shipmentRequestDelayMinutes: number;
        syncEnabled: boolean;
        syncStartAt: string | null;
        testImportMode: boolean;
        warehouseId: string | null;
      };
      updatedAt: string;
    };
    ShopMaster: {
      /** Juchuのコードと名前 */
      codes: {
        code: string;
        label: string;
      }[];
      /** ショップ独自の設定(false はチャネルの既定値) */
      edited: boolean;
      /** Juchuのコードすべてに行が要る(モールへの報告に使うマスタ) */
      everyCode: boolean;
      /** マスタの種類(delivery_company 配送会社, payment_method 決済方法 …) */
      kind: string;
      label: string;
      /** モールのコードの形 */
      mallCodeHint: string;
      /** モールのコードと、モールが付けている名前 */
      mallCodes: {
        code: string;
        label: string;
      }[];
      rows: {
        /** Juchuのコード */
        code: string;
        label: string;
        /** モールのコード */
        mallCode: string;
        /** モールでの名前(モールの一覧にないコードは null) */
        mallLabel: string | null;
      }[];
    };
    /** { onHand } で在庫数を設定、{ delta } で増減。どちらか一方だけ */
    StockChange: {
      delta?: number;
      onHand?: number;
      warehouseId?: string;
    };
    StockMovement: {
      /** だれが行ったか */
      actedBy: {
        /** ユーザーまたはAPIトークンのID(システムは null) */
        id: string | null;
        kind: "user" | "token" | "system";
        /** ユーザーの名前(なければメールアドレス)、APIトークンの名前、または「システム」 */
        label: string;
      };
      /** user:<id>, token:<id>, system[:job](名前は actedBy) */
      actor: string;
      /** 引当の増減 */
      allocatedDelta: number;
      /** 日時(Asia/Tokyo, ISO 8601) */
      at: string;
      id: number;
      kind: "opening" | "receipt" | "count" | "allocate" | "release" | "ship";
      /** 入庫・棚卸・調整・引当・引当解除・出荷・繰越 */
      kindLabel: string;
      /** 在庫の増減 */
      onHandDelta: number;
      order: {
        id: string;
        mallOrderNumber: string;
      } | null;
      shipmentId: string | null;
      warehouseId: string;
      warehouseName: string;
    };
    Tag: {
      color: string;
      createdAt: string;
      hold: boolean;
      id: string;
      kind: "custom" | "system";
      name: string;
      rule: {
        conditions: (({
          field: "remarks";
          op: "not_empty";
        } | {
          field: "remarks";
          op: "contains";
          value: string;
        }) | {
          field: "total";
          op: "gte" | "lte";
          value: number;
        } | {
          field: "prefecture";
          op: "in";
          values: string[];
        } | {
          field: "paymentMethod";
          op: "in";
          values: string[];
        } | {
          field: "sku";
          op: "contains";
          value: string;
        } | {
          field: "buyerOrderCount";
          op: "gte" | "lte";
          value: number;
        } | {
          field: "customerRank";
          op: "in";
          values: string[];
        } | {
          field: "shipToDiffersFromBuyer";
          op: "is";
          value: boolean;
        })[];
        match: "all" | "any";
      } | null;
      ruleDescription: string | null;
      systemCode: string | null;
    };
    TagDryRun: {
      /** 条件の説明 */
      description: string;
      /** 調べた注文の数(直近の削除されていない注文、最大 limit 件) */
      examined: number;
      /** 条件に一致した注文の数 */
      matched: number;
      /** 一致した注文(新しい順、最大100件) */
      orders: {
        buyerName: string;
        id: string;
        mallOrderNumber: string;
        orderedAt: string;
        status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled";
        statusLabel: string;
        total: number | null;
      }[];
      summary: string;
    };
    TrackingImportProfile: {
      carrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
      carrierColumn: string | null;
      id: string;
      name: string;
      shippedOnColumn: string | null;
      slipNumberColumn: string;
      trackingNumberColumn: string;
    };
    UnknownMallValue: {
      /** この値の注文を最初に取り込んだ日時 */
      firstSeenAt: string;
      /** マスタ管理で登録できる種類か */
      hasMaster: boolean;
      /** payment_method 決済方法, order_status 受注ステータス, delivery_company 配送会社 */
      kind: string;
      kindLabel: string;
      /** モールでの名前 */
      label: string;
      /** モールが送ってきたコード */
      mallCode: string;
      /** この値が付いている注文の数 */
      orderCount: number;
    };
    User: {
      createdAt: string;
      email: string;
      id: string;
      /** 招待中のとき、招待リンクの期限 */
      invitationExpiresAt: string | null;
      lastLoginAt: string | null;
      name: string;
      role: "owner" | "admin" | "staff" | "viewer";
      roleLabel: string;
      /** active 有効 / invited 招待中 / disabled 無効 */
      status: "active" | "invited" | "disabled";
    };
    Vocabulary: {
      carrierCsvFormats: {
        code: string;
        label: string;
      }[];
      carriers: {
        code: string;
        label: string;
      }[];
      /** 登録されているチャネル(ショップを作れるのはこれだけ) */
      channels: components["schemas"]["Channel"][];
      mailStatuses: {
        code: string;
        label: string;
      }[];
      /** モールに伝えるキャンセル理由、チャネルごと */
      mallCancelReasons: {
        channel: string;
        code: string;
        label: string;
      }[];
      orderStatuses: {
        code: string;
        label: string;
      }[];
      paymentMethods: {
        code: string;
        label: string;
      }[];
      prefectures: string[];
      shippingServices: {
        code: string;
        label: string;
      }[];
      shippingStatuses: {
        code: string;
        label: string;
      }[];
      temperatures: {
        code: string;
        label: string;
      }[];
      /** お届け時間帯(商品の配送条件で受け付ける時間帯) */
      timeSlots: {
        code: string;
        label: string;
      }[];
    };
    Warehouse: {
      capabilities: components["schemas"]["WarehouseCapabilities"];
      hasCredentials: boolean;
      id: string;
      kind: string;
      kindLabel: string;
      name: string;
      resultsPolledAt: string | null;
      settings: {
        resultPollMinutes: number;
        sender?: {
          address1: string;
          address2?: string;
          name: string;
          phone: string;
          postalCode: string;
          prefecture: string;
        };
        /** 出荷締め時刻(HH:MM) */
        shippingCutoff?: string;
        yamatoBillingCustomerCode?: string;
        yamatoFreightNumber?: string;
      };
    };
    WarehouseCalendar: components["schemas"]["WarehouseCalendarInput"] & {
      /** 地域ごとの配送日数(既定値はJuchuの目安で、配送会社の公表値ではありません) */
      areas: {
        code: string;
        days: number;
        defaultDays: number;
        label: string;
      }[];
      closedDates?: {
        date: string;
        note: string;
      }[];
      /** 配送日数の起点(ご依頼主の都道府県)。null は本州として計算 */
      originPrefecture: string | null;
    };
    WarehouseCalendarInput: {
      /** 臨時休業日(年末年始・夏季休業など)と理由 */
      closedDates: {
        date: string;
        note?: string;
      }[];
      /** 定休日の曜日(0=日曜…6=土曜) */
      closedWeekdays: number[];
      /** 出荷締め時刻(HH:MM、Asia/Tokyo)。null は締めなし(その日の注文は当日扱い) */
      cutoff: string | null;
      /** 地域ごとの配送日数(既定から変えたものだけ) */
      deliveryDays: {
        chubu?: number;
        chugoku?: number;
        hokkaido?: number;
        hokuriku?: number;
        kansai?: number;
        kanto?: number;
        kyushu?: number;
        okinawa?: number;
        shikoku?: number;
        shinetsu?: number;
        tohoku?: number;
      };
      /** 祝日を休業日にする(祝日は @holiday-jp/holiday_jp) */
      holidaysClosed: boolean;
      /** 出荷までの日数(営業日)。0 は締め時刻までの注文を当日出荷 */
      leadDays: number;
      /** 臨時営業日: 定休日・祝日でも出荷する日 */
      openDates: string[];
    };
    WarehouseCapabilities: {
      /** 倉庫のAPIと出荷依頼・実績を自動連携する(プランの倉庫連携が必要) */
      linkage: boolean;
      /** 出荷実績を定期的に取得する */
      resultsPolling: boolean;
      /** ピッキングリスト・送り状データ・伝票番号取込をJuchuで行う(自社倉庫) */
      stockRoom: boolean;
      /** 在庫数を倉庫から取り込む */
      stockSync: boolean;
      /** 出荷依頼を取り下げられる */
      withdraw: boolean;
    };
    WarehouseKind: {
      capabilities: components["schemas"]["WarehouseCapabilities"];
      credentials: {
        key: string;
        label: string;
        maxLength: number;
        minLength: number;
        secret: boolean;
      }[];
      kind: string;
      label: string;
    };
    WebhookDelivery: {
      attempts: number;
      createdAt: string;
      deliveredAt: string | null;
      /** イベントID = webhook-id ヘッダー(再送しても同じ) */
      eventId: string;
      eventType: string;
      id: string;
      lastError: string | null;
      lastStatusCode: number | null;
      nextAttemptAt: string | null;
      /** pending 送信待ち / succeeded 配信済み / failed 失敗(再送を終了) */
      status: "pending" | "succeeded" | "failed";
    };
    WebhookDeliveryDetail: components["schemas"]["WebhookDelivery"] & {
      attemptLog: {
        at: string;
        durationMs: number;
        error: string | null;
        /** 受信先の応答(先頭2000文字) */
        responseBody: string | null;
        statusCode: number | null;
      }[];
      payload: {
        data: Record<string, unknown>;
        timestamp: string;
        type: string;
      };
    };
    WebhookEndpoint: {
      createdAt: string;
      deliveries: {
        failed: number;
        pending: number;
        succeeded: number;
      };
      description: string;
      /** Juchuが無効にした理由(続けて失敗したとき) */
      disabledReason: string | null;
      enabled: boolean;
      events: ("order.status_changed" | "order.cancelled" | "shipment.status_changed" | "shipment.shipped" | "mail.failed" | "import.failed" | "inquiry.received" | "webhook.test")[];
      id: string;
      secretRotatedAt: string | null;
      url: string;
    };
  };
};

export type paths = {
  "/api/api-tokens": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ApiToken"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            name: string;
            scopes: string[];
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              apiToken: components["schemas"]["ApiToken"];
              /** jct_… (この応答でだけ表示) */
              token: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/api-tokens/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/attention": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Attention"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerCompany"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            /** 締め日 1–28、31 = 月末(掛け払いのとき。省略時は月末) */
            closingDay?: number | null;
            code: string;
            name: string;
            notes?: string;
            paymentDueDays?: number | null;
            paymentTerms: "invoice" | "prepaid";
            rank?: string | null;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["BuyerCompany"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerCompany"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** 締め日 1–28、31 = 月末(掛け払いのとき。省略時は月末) */
            closingDay?: number | null;
            code?: string;
            disabled?: boolean;
            name?: string;
            notes?: string;
            paymentDueDays?: number | null;
            paymentTerms?: "invoice" | "prepaid";
            rank?: string | null;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerCompany"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/buyers": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerUser"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            name: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              buyer: components["schemas"]["BuyerUser"];
              invitation: {
                expiresAt: string;
                /** false: 画面に出るリンクを発注者に渡してください */
                mailed: boolean;
                url: string;
              };
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/buyers/{buyerId}": {
    patch: {
      parameters: {
        path: {
          buyerId: string;
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            disabled: boolean;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerUser"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/invoices": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query: {
          /** 締め日のある月(YYYY-MM) */
          month: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/pdf": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/mail-destinations": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerMailDestination"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            name?: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["BuyerMailDestination"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/mail-destinations/{destId}": {
    delete: {
      parameters: {
        path: {
          destId: string;
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/ship-to": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerShipTo"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            address1: string;
            address2?: string;
            label: string;
            name: string;
            phone: string;
            postalCode: string;
            prefecture: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["BuyerShipTo"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/companies/{id}/ship-to/{shipToId}": {
    delete: {
      parameters: {
        path: {
          id: string;
          shipToId: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
          shipToId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            address1?: string;
            address2?: string;
            label?: string;
            name?: string;
            phone?: string;
            postalCode?: string;
            prefecture?: "北海道" | "青森県" | "岩手県" | "宮城県" | "秋田県" | "山形県" | "福島県" | "茨城県" | "栃木県" | "群馬県" | "埼玉県" | "千葉県" | "東京都" | "神奈川県" | "新潟県" | "富山県" | "石川県" | "福井県" | "山梨県" | "長野県" | "岐阜県" | "静岡県" | "愛知県" | "三重県" | "滋賀県" | "京都府" | "大阪府" | "兵庫県" | "奈良県" | "和歌山県" | "鳥取県" | "島根県" | "岡山県" | "広島県" | "山口県" | "徳島県" | "香川県" | "愛媛県" | "高知県" | "福岡県" | "佐賀県" | "長崎県" | "熊本県" | "大分県" | "宮崎県" | "鹿児島県" | "沖縄県";
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerShipTo"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/mail-orders": {
    post: {
      requestBody: {
        content: {
          "application/json": {
            companyId: string;
            desiredDeliveryDate?: string | null;
            lines: {
              productId: string;
              quantity: number;
            }[];
            note?: string;
            shipToId: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              orderId: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/prices": {
    get: {
      parameters: {
        query?: {
          companyId?: string;
          rank?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerPrice"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      requestBody: {
        content: {
          "application/json": {
            items: {
              companyId?: string | null;
              lotQuantity: number;
              minQuantity: number;
              productId: string;
              rank?: string | null;
              unitPrice: number;
            }[];
          };
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/b2b/settings": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["B2bSettings"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      requestBody: {
        content: {
          "application/json": {
            allowCancelRequests?: boolean;
            invoiceRegistrationNumber?: string | null;
            showStock?: boolean;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["B2bSettings"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-imports": {
    get: {
      parameters: {
        query?: {
          shopId?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["CsvImportRun"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        query: {
          fileName?: string;
          profileId: string;
          shopId: string;
        };
      };
      requestBody?: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": components["schemas"]["CsvImportRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-imports/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["CsvImportRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-imports/{id}/report.csv": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-imports/{id}/rows": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          cursor?: string;
          limit?: number;
          outcome?: "created" | "unchanged" | "skipped" | "failed";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["CsvImportRow"][];
              nextCursor: string | null;
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-order-profiles": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              fields: {
                field: string;
                label: string;
                required: boolean;
              }[];
              items: components["schemas"]["CsvOrderProfile"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["CsvOrderProfileInput"];
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["CsvOrderProfile"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-order-profiles/{id}": {
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CsvOrderProfileInput"];
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["CsvOrderProfile"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              id: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/csv-order-template.csv": {
    get: {
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/customer-ranks": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["CustomerRank"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            minAmount?: number | null;
            minOrderCount?: number | null;
            name: string;
            periodDays: number;
            priority: number;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["CustomerRank"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/customer-ranks/{id}": {
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            minAmount?: number | null;
            minOrderCount?: number | null;
            name: string;
            periodDays: number;
            priority: number;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["CustomerRank"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/customers": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          /** 氏名・メールアドレス・電話番号の一部 */
          q?: string;
          /** 顧客ランク名。空文字はランクなしの顧客 */
          rank?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Customer"][];
              nextCursor: string | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/customers/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["CustomerDetail"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/delivery-conditions.csv": {
    get: {
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              /** 配送条件を書き換えた商品の数 */
              updated: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/delivery-notes.pdf": {
    post: {
      requestBody?: {
        content: {
          "application/json": {
            orderIds: string[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/pdf": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/inquiries": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          shopId?: string;
          state?: "open" | "linked" | "unlinked" | "handled" | "cancel";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["InquirySummary"][];
              nextCursor: string | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/inquiries/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["InquiryDetail"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/inquiries/{id}/complete": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            completed: boolean;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["InquiryDetail"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/inquiries/{id}/reply": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            message: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["InquiryDetail"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/invitations/{token}": {
    get: {
      parameters: {
        path: {
          token: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              accountName: string;
              email: string;
              expiresAt: string;
              name: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/invitations/{token}/acceptance": {
    post: {
      parameters: {
        path: {
          token: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            password: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Session"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-categories": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["MailCategory"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody?: {
        content: {
          "application/json": {
            delayMinutes?: number;
            enabled?: boolean;
            name: string;
            /** 優先度(大きいほど優先): 同じ時点の特定商品カテゴリーが複数当てはまる注文には、いちばん高いものだけを送る */
            priority?: number;
            /** この商品を含む注文だけに送る */
            productId?: string | null;
            /** order_event は注文の出来事(キャンセルリクエストなど)で送るカテゴリー: その機能が作り、送信条件は変えられない */
            triggerKind: "order_status" | "shipping_status" | "order_event";
            triggerStatus: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["MailCategory"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-categories/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            delayMinutes?: number;
            enabled?: boolean;
            name: string;
            /** 優先度(大きいほど優先): 同じ時点の特定商品カテゴリーが複数当てはまる注文には、いちばん高いものだけを送る */
            priority?: number;
            /** この商品を含む注文だけに送る */
            productId?: string | null;
            /** order_event は注文の出来事(キャンセルリクエストなど)で送るカテゴリー: その機能が作り、送信条件は変えられない */
            triggerKind: "order_status" | "shipping_status" | "order_event";
            triggerStatus: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["MailCategory"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-placeholders": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                description: string;
                example: string;
                name: string;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-templates": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["MailTemplate"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody?: {
        content: {
          "application/json": {
            body: string;
            categoryId: string;
            enabled?: boolean;
            name: string;
            subject: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["MailTemplate"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-templates/preview": {
    post: {
      requestBody?: {
        content: {
          "application/json": {
            body: string;
            orderId: string;
            shipmentId?: string;
            subject: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              body: string;
              subject: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-templates/standard": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                body: string;
                key: string;
                name: string;
                subject: string;
                trigger: {
                  delayMinutes: number;
                  kind: string;
                  status: string;
                };
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-templates/standard/{key}/copy": {
    post: {
      parameters: {
        path: {
          key: string;
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              categoryId: string;
              templateId: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-templates/{id}": {
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            body: string;
            categoryId: string;
            enabled?: boolean;
            name: string;
            subject: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["MailTemplate"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mail-transport": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              transport: {
                fromAddress: string;
                fromName: string;
                hasPassword: boolean;
                host: string;
                port: number;
                /** true: 465番などTLSで接続、false: STARTTLS */
                secure: boolean;
                shopId: string | null;
                username?: string;
              } | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      requestBody?: {
        content: {
          "application/json": {
            fromAddress: string;
            fromName: string;
            host: string;
            /** 書き込み専用 */
            password?: string;
            port: number;
            /** true: 465番などTLSで接続、false: STARTTLS */
            secure: boolean;
            username?: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              transport: {
                fromAddress: string;
                fromName: string;
                hasPassword: boolean;
                host: string;
                port: number;
                /** true: 465番などTLSで接続、false: STARTTLS */
                secure: boolean;
                shopId: string | null;
                username?: string;
              } | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mails": {
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
          orderId?: string;
          status?: "queued" | "sending" | "sent" | "failed" | "skipped" | "kept";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Mail"][];
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mails/{id}/resend": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": {
              mailId: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/password": {
    put: {
      requestBody: {
        content: {
          "application/json": {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/sessions": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                address: string | null;
                createdAt: string;
                /** この呼び出しのセッション */
                current: boolean;
                expiresAt: string;
                id: string;
                /** 最後に使われた時刻(1時間単位で記録) */
                lastSeenAt: string | null;
                userAgent: string | null;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/sessions/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-bulk-runs": {
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["BulkOrderRunInput"];
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": components["schemas"]["BulkOrderRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-bulk-runs/count": {
    get: {
      parameters: {
        query?: {
          /** true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ */
          cancelRequested?: "true" | "false";
          includeDeleted?: "true" | "false";
          orderedFrom?: string;
          orderedTo?: string;
          /** 出荷予定日(から) YYYY-MM-DD */
          plannedShipFrom?: string;
          /** 出荷予定日(まで) YYYY-MM-DD */
          plannedShipTo?: string;
          q?: string;
          /** 出荷日(から): いずれかの出荷がこの時刻以降に出荷済 */
          shippedFrom?: string;
          /** 出荷日(まで) */
          shippedTo?: string;
          shippingStatus?: string;
          shopId?: string;
          status?: string;
          tag?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              count: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-bulk-runs/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BulkOrderRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-exports": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              columns: {
                key: "orderNumber" | "orderedAt" | "shop" | "status" | "buyerName" | "buyerEmail" | "buyerPhone" | "shipToName" | "shipToPostalCode" | "shipToAddress" | "shipToPhone" | "paymentMethod" | "paidAt" | "subtotal" | "shippingFee" | "fees" | "couponDiscount" | "pointsUsed" | "total" | "deliveryMethod" | "plannedShipDate" | "shippedAt" | "desiredDeliveryDate" | "desiredTimeSlot" | "tags" | "remarks";
                label: string;
              }[];
              defaultColumns: ("orderNumber" | "orderedAt" | "shop" | "status" | "buyerName" | "buyerEmail" | "buyerPhone" | "shipToName" | "shipToPostalCode" | "shipToAddress" | "shipToPhone" | "paymentMethod" | "paidAt" | "subtotal" | "shippingFee" | "fees" | "couponDiscount" | "pointsUsed" | "total" | "deliveryMethod" | "plannedShipDate" | "shippedAt" | "desiredDeliveryDate" | "desiredTimeSlot" | "tags" | "remarks")[];
              /** 新しい順、最大5件 */
              items: components["schemas"]["OrderExport"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["OrderExportInput"];
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": components["schemas"]["OrderExport"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-exports/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["OrderExport"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/order-exports/{id}/file": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders": {
    get: {
      parameters: {
        query?: {
          /** true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ */
          cancelRequested?: "true" | "false";
          cursor?: string;
          includeDeleted?: "true" | "false";
          limit?: number;
          orderedFrom?: string;
          orderedTo?: string;
          /** 出荷予定日(から) YYYY-MM-DD */
          plannedShipFrom?: string;
          /** 出荷予定日(まで) YYYY-MM-DD */
          plannedShipTo?: string;
          q?: string;
          /** 出荷日(から): いずれかの出荷がこの時刻以降に出荷済 */
          shippedFrom?: string;
          /** 出荷日(まで) */
          shippedTo?: string;
          shippingStatus?: string;
          shopId?: string;
          sort?: "orderedAt" | "-orderedAt";
          status?: string;
          tag?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["OrderSummary"][];
              nextCursor: string | null;
              total: number;
              totalCapped: boolean;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["OrderRegistration"];
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/bulk": {
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["BulkOrderAction"];
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              refused: number;
              results: {
                /** 拒否されたときのルールコード(order.cancel_not_allowed など) */
                code?: string;
                /** 拒否の理由 */
                detail?: string;
                /** 見つからない注文は null */
                mallOrderNumber: string | null;
                ok: boolean;
                orderId: string;
                rule?: string;
                /** 操作後の注文ステータス */
                status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled" | null;
                statusLabel: string | null;
              }[];
              succeeded: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/counts": {
    get: {
      parameters: {
        query?: {
          /** true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ */
          cancelRequested?: "true" | "false";
          includeDeleted?: "true" | "false";
          orderedFrom?: string;
          orderedTo?: string;
          /** 出荷予定日(から) YYYY-MM-DD */
          plannedShipFrom?: string;
          /** 出荷予定日(まで) YYYY-MM-DD */
          plannedShipTo?: string;
          q?: string;
          /** 出荷日(から): いずれかの出荷がこの時刻以降に出荷済 */
          shippedFrom?: string;
          /** 出荷日(まで) */
          shippedTo?: string;
          shippingStatus?: string;
          shopId?: string;
          tag?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              all: {
                /** true なら 1000 件以上(数え切らない) */
                capped: boolean;
                count: number;
              };
              items: {
                /** true なら 1000 件以上(数え切らない) */
                capped: boolean;
                count: number;
                status: "new" | "awaiting_confirmation" | "confirmed" | "awaiting_shipment" | "shipping" | "shipped" | "completed" | "cancelled";
                statusLabel: string;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["OrderEdit"];
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"] & {
              /** モールに伝えたか: not_told はモールには反映されません */
              mallReflection: "told" | "not_told" | "none";
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/cancel": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            /** モールに伝えるキャンセル理由(/api/vocabulary の mallCancelReasons、注文のチャネルのもの)。省略時はチャネルの最初の理由(お客様都合) */
            mallCancelReason?: "rakuten:1" | "rakuten:4" | "rakuten:5" | "rakuten:6" | "rakuten:8" | "rakuten:10" | "rakuten:13";
            reason?: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"] & {
              /** キャンセルは済んだが人の対応が要ること */
              warnings: string[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/cancel-request/approval": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"] & {
              /** キャンセルは済んだが人の対応が要ること */
              warnings: string[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/cancel-request/refusal": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            /** 拒否の理由(任意、20文字以内。発注者に表示される) */
            reason?: string | null;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/delivery-note.pdf": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/pdf": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/payment": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            amount?: number;
            paidAt?: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/refetch": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"] & {
              /** updated 変更を反映 / unchanged 変更なし */
              refetchOutcome: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/report-shipping": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": {
              queued: true;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/shipments/{shipmentId}": {
    patch: {
      parameters: {
        path: {
          id: string;
          shipmentId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            shippingService: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays" | null;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/shipments/{shipmentId}/request": {
    post: {
      parameters: {
        path: {
          id: string;
          shipmentId: string;
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/shipments/{shipmentId}/split": {
    post: {
      parameters: {
        path: {
          id: string;
          shipmentId: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            itemIds: string[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/shipments/{shipmentId}/withdraw": {
    post: {
      parameters: {
        path: {
          id: string;
          shipmentId: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/tags": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            tagId: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/orders/{id}/tags/{tagId}": {
    delete: {
      parameters: {
        path: {
          id: string;
          tagId: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Order"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/permissions": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              areas: {
                code: string;
                label: string;
              }[];
              items: {
                code: string;
                label: string;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/plan": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              current: components["schemas"]["Plan"];
              features: {
                code: "mail_automation" | "inquiry_linkage" | "warehouse_linkage" | "b2b_desk";
                label: string;
              }[];
              plans: components["schemas"]["Plan"][];
              usage: {
                shops: number;
              };
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/postal-codes/{code}": {
    get: {
      parameters: {
        path: {
          code: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                city: string;
                prefecture: string;
                town: string;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-import-formats": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                channel: string;
                fileLabel: string;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-imports": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ProductImportRun"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        query: {
          /** 新しい商品として登録: 一致する商品がない行も商品を作る */
          createMissing?: "true" | "false";
          fileName?: string;
          shopId: string;
        };
      };
      requestBody?: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        "202": {
          content: {
            "application/json": components["schemas"]["ProductImportRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-imports/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ProductImportRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-imports/{id}/report.csv": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-imports/{id}/rows": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          cursor?: string;
          limit?: number;
          outcome?: "created" | "updated" | "mapped" | "unchanged" | "skipped" | "failed";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ProductImportRow"][];
              nextCursor: string | null;
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-mappings": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          q?: string;
          shopId?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ProductMapping"][];
              nextCursor: string | null;
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": components["schemas"]["ProductMappingInput"];
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["ProductMapping"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-mappings/unmapped": {
    get: {
      parameters: {
        query?: {
          limit?: number;
          shopId?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                mallItemCode: string;
                mallSkuCode: string | null;
                /** 明細の商品名(例) */
                name: string;
                /** この商品を含む注文の数 */
                orderCount: number;
                shopId: string;
              }[];
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/product-mappings/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ProductMapping"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          q?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Product"][];
              nextCursor: string | null;
              total: number;
              totalCapped: boolean;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            name: string;
            shippingService?: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays";
            sku: string;
            temperature?: "ambient" | "chilled" | "frozen";
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            shippingService?: "standard" | "compact" | "mailbox" | "time_10" | "time_17" | "recipient_pays";
            sku?: string;
            temperature?: "ambient" | "chilled" | "frozen";
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products/{id}/delivery-conditions": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["DeliveryConditions"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            carrier: "yamato" | "sagawa" | "japanpost" | "other" | null;
            leadDays: number;
            timeSlots: ("am" | "12-14" | "14-16" | "16-18" | "18-20" | "18-21" | "19-21")[] | null;
            warehouseId: string | null;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["DeliveryConditions"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products/{id}/order-line": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query: {
          /** 明細を加える注文のショップ */
          shopId: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ProductOrderLine"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products/{id}/stock": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["StockChange"];
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Product"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/products/{id}/stock-movements": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          cursor?: string;
          limit?: number;
          warehouseId?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["StockMovement"][];
              nextCursor: string | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/roles": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                code: "owner" | "admin" | "staff" | "viewer";
                description: string;
                label: string;
                permissions: string[];
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/saved-searches": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["SavedSearch"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            name: string;
            query: string;
            screen: "orders" | "shipments";
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["SavedSearch"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/saved-searches/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/session": {
    get: {
      parameters: {
        query?: {
          include?: "reference";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Session"] & {
              reference?: components["schemas"]["Reference"];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Session"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/setup": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              required: boolean;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            accountName: string;
            email: string;
            password: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Session"] & {
              /** APIトークン(この応答でだけ表示) */
              apiToken: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shipments": {
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number | null;
          /** 注文日(から) */
          orderedFrom?: string;
          /** 注文日(まで) */
          orderedTo?: string;
          /** 出荷予定日(から) YYYY-MM-DD */
          plannedShipFrom?: string;
          /** 出荷予定日(まで) YYYY-MM-DD */
          plannedShipTo?: string;
          /** 出荷番号・モール注文番号・送付先名・伝票番号 */
          q?: string;
          /** 出荷日(から) */
          shippedFrom?: string;
          /** 出荷日(まで) */
          shippedTo?: string;
          status?: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled";
          warehouseId?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              /** 出荷ステータスごとの件数 */
              counts: Record<string, number>;
              items: components["schemas"]["ShipmentRow"][];
              total: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shipments/merge": {
    post: {
      requestBody?: {
        content: {
          "application/json": {
            shipmentIds: string[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              leadShipmentId: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shipments/merge-candidates": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              groups: ({
                buyerName: string;
                mallOrderNumber: string;
                orderId: string;
                shipToName: string;
                shipmentId: string;
                status: "allocating" | "allocated" | "awaiting_shipment" | "shipping" | "shipped" | "unshippable" | "cancelled";
              }[])[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shipments/{id}/delivery-note.pdf": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/pdf": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Shop"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            channel: "rakuten" | "manual" | "csv" | "b2b";
            /** 書き込み専用。キーはチャネルごとに /api/vocabulary の channels[].credentials。保存時に暗号化され、応答には含まれない */
            credentials?: Record<string, string>;
            name: string;
            settings?: Record<string, unknown>;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Shop"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Shop"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** 書き込み専用。キーはチャネルごとに /api/vocabulary の channels[].credentials。保存時に暗号化され、応答には含まれない */
            credentials?: Record<string, string>;
            name?: string;
            settings?: Record<string, unknown>;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Shop"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/import": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ImportRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/import-check": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ImportCheck"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/import-runs": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          limit?: number;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ImportRun"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/inquiry-import": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              /** キャンセル希望として処理を決めた問い合わせ */
              decided: number;
              error: {
                code: string;
                message: string;
              } | null;
              /** モールが新規・更新として返した問い合わせ */
              found: number;
              saved: number;
              status: "succeeded" | "failed";
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/mail-settings": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                categoryId: string;
                enabled: boolean;
                templateId: string | null;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            items: {
              categoryId: string;
              enabled: boolean;
              templateId: string | null;
            }[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                categoryId: string;
                enabled: boolean;
                templateId: string | null;
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/mail-transport": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              transport: {
                fromAddress: string;
                fromName: string;
                hasPassword: boolean;
                host: string;
                port: number;
                /** true: 465番などTLSで接続、false: STARTTLS */
                secure: boolean;
                shopId: string | null;
                username?: string;
              } | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            fromAddress: string;
            fromName: string;
            host: string;
            /** 書き込み専用 */
            password?: string;
            port: number;
            /** true: 465番などTLSで接続、false: STARTTLS */
            secure: boolean;
            username?: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              transport: {
                fromAddress: string;
                fromName: string;
                hasPassword: boolean;
                host: string;
                port: number;
                /** true: 465番などTLSで接続、false: STARTTLS */
                secure: boolean;
                shopId: string | null;
                username?: string;
              } | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/masters": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["ShopMaster"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/masters/{kind}": {
    put: {
      parameters: {
        path: {
          id: string;
          kind: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            rows: {
              code: string;
              mallCode: string;
            }[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["ShopMaster"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/option-surcharges": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["OptionSurcharge"][];
              /** 1,000件を超えた分はCSVで */
              truncated: boolean;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/option-surcharges.csv": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "text/csv": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              failed: number;
              /** 金額が一致して保留が外れた注文の数 */
              released: number;
              removed: number;
              rows: {
                /** CSVの行番号(見出し = 1) */
                line: number;
                /** 登録・変更 / 削除(金額が空) / エラー */
                outcome: "set" | "removed" | "error";
                problems: {
                  /** 列名(行全体なら「行」) */
                  field: string;
                  message: string;
                  rule: "required" | "integer" | "range" | "duplicate" | "max_length" | "columns";
                }[];
              }[];
              set: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/setup-checklist": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["SetupChecklist"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/setup-checklist/{item}": {
    put: {
      parameters: {
        path: {
          id: string;
          item: "shop_info" | "calendar" | "masters" | "product_import" | "delivery_conditions" | "options" | "customer_ranks" | "test_import_checked" | "mails_previewed";
        };
      };
      requestBody: {
        content: {
          "application/json": {
            confirmed: boolean;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["SetupChecklist"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/test-connection": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              code: string | null;
              found: number | null;
              message: string;
              ok: boolean;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/test-orders/process": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              processed: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/shops/{id}/unknown-values": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["UnknownMallValue"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/tags": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Tag"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            color?: string;
            hold?: boolean;
            name: string;
            rule?: {
              conditions: (({
                field: "remarks";
                op: "not_empty";
              } | {
                field: "remarks";
                op: "contains";
                value: string;
              }) | {
                field: "total";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "prefecture";
                op: "in";
                values: string[];
              } | {
                field: "paymentMethod";
                op: "in";
                values: string[];
              } | {
                field: "sku";
                op: "contains";
                value: string;
              } | {
                field: "buyerOrderCount";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "customerRank";
                op: "in";
                values: string[];
              } | {
                field: "shipToDiffersFromBuyer";
                op: "is";
                value: boolean;
              })[];
              match: "all" | "any";
            } | null;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Tag"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/tags/dry-run": {
    post: {
      requestBody: {
        content: {
          "application/json": {
            limit?: number;
            rule: {
              conditions: (({
                field: "remarks";
                op: "not_empty";
              } | {
                field: "remarks";
                op: "contains";
                value: string;
              }) | {
                field: "total";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "prefecture";
                op: "in";
                values: string[];
              } | {
                field: "paymentMethod";
                op: "in";
                values: string[];
              } | {
                field: "sku";
                op: "contains";
                value: string;
              } | {
                field: "buyerOrderCount";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "customerRank";
                op: "in";
                values: string[];
              } | {
                field: "shipToDiffersFromBuyer";
                op: "is";
                value: boolean;
              })[];
              match: "all" | "any";
            };
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["TagDryRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/tags/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Tag"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              /** タグが外れた注文の数 */
              detachedOrders: number;
              id: string;
              /** 保留が解けて先へ進んだ注文の数 */
              releasedOrders: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            color?: string;
            hold?: boolean;
            name?: string;
            rule?: {
              conditions: (({
                field: "remarks";
                op: "not_empty";
              } | {
                field: "remarks";
                op: "contains";
                value: string;
              }) | {
                field: "total";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "prefecture";
                op: "in";
                values: string[];
              } | {
                field: "paymentMethod";
                op: "in";
                values: string[];
              } | {
                field: "sku";
                op: "contains";
                value: string;
              } | {
                field: "buyerOrderCount";
                op: "gte" | "lte";
                value: number;
              } | {
                field: "customerRank";
                op: "in";
                values: string[];
              } | {
                field: "shipToDiffersFromBuyer";
                op: "is";
                value: boolean;
              })[];
              match: "all" | "any";
            } | null;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Tag"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/tags/{id}/dry-run": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            limit?: number;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["TagDryRun"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/users": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["User"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/users/invitations": {
    post: {
      requestBody: {
        content: {
          "application/json": {
            email: string;
            name: string;
            role: "owner" | "admin" | "staff" | "viewer";
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              invitation: {
                expiresAt: string;
                /** SMTPが設定されているのに送れなかった理由 */
                mailError: string | null;
                /** アカウントのSMTPで招待メールを送ったか。false なら画面でリンクを渡してください */
                mailed: boolean;
                /** 招待リンク(1回だけ使えます) */
                url: string;
              };
              user: components["schemas"]["User"];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/users/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            disabled?: boolean;
            name?: string;
            role?: "owner" | "admin" | "staff" | "viewer";
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["User"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/users/{id}/invitation": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              invitation: {
                expiresAt: string;
                /** SMTPが設定されているのに送れなかった理由 */
                mailError: string | null;
                /** アカウントのSMTPで招待メールを送ったか。false なら画面でリンクを渡してください */
                mailed: boolean;
                /** 招待リンク(1回だけ使えます) */
                url: string;
              };
              user: components["schemas"]["User"];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/vocabulary": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Vocabulary"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouse-kinds": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["WarehouseKind"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["Warehouse"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody?: {
        content: {
          "application/json": {
            /** 書き込み専用: 倉庫の種類の credentials 欄(GET /api/warehouse-kinds)。保存後は返しません */
            credentials?: Record<string, string>;
            kind: "self" | "rsl";
            name?: string;
            settings?: Record<string, unknown>;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": components["schemas"]["Warehouse"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}": {
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": {
            /** 書き込み専用: 倉庫の種類の credentials 欄(GET /api/warehouse-kinds)。保存後は返しません */
            credentials?: Record<string, string>;
            name?: string;
            settings?: Record<string, unknown>;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["Warehouse"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/calendar": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["WarehouseCalendar"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody?: {
        content: {
          "application/json": components["schemas"]["WarehouseCalendarInput"];
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["WarehouseCalendar"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/calendar/days": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query: {
          from: string;
          to: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["CalendarDay"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/carrier-csv": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            format: "yamato_b2" | "sagawa_ehiden" | "japanpost_yupri";
            /** 省略時はこの倉庫で出荷中の全て */
            shipmentIds?: string[];
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["CarrierCsvExport"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/picking-list.pdf": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          /** カンマ区切りの出荷ID。省略時はこの倉庫で出荷中の全て */
          shipmentIds?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/pdf": string;
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/poll-results": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              results: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/tracking-import-profiles": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["TrackingImportProfile"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/warehouses/{id}/tracking-imports": {
    post: {
      parameters: {
        path: {
          id: string;
        };
        query: {
          profile: string;
        };
      };
      requestBody: {
        content: {
          "text/csv": string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              failed: number;
              rows: {
                line: number;
                message: string;
                outcome: "shipped" | "already_shipped" | "error";
                slipNumber: string | null;
                trackingNumber: string | null;
              }[];
              shipped: number;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["WebhookEndpoint"][];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    post: {
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            events: ("order.status_changed" | "order.cancelled" | "shipment.status_changed" | "shipment.shipped" | "mail.failed" | "import.failed" | "inquiry.received" | "webhook.test")[];
            /** 受信するURL(http:// または https://) */
            url: string;
          };
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              endpoint: components["schemas"]["WebhookEndpoint"];
              /** whsec_… 一度だけ表示 */
              secret: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/event-types": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                label: string;
                type: "order.status_changed" | "order.cancelled" | "shipment.status_changed" | "shipment.shipped" | "mail.failed" | "import.failed" | "inquiry.received" | "webhook.test";
              }[];
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}": {
    delete: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "204": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    patch: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            enabled?: boolean;
            events?: ("order.status_changed" | "order.cancelled" | "shipment.status_changed" | "shipment.shipped" | "mail.failed" | "import.failed" | "inquiry.received" | "webhook.test")[];
            /** 受信するURL(http:// または https://) */
            url?: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["WebhookEndpoint"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}/deliveries": {
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          cursor?: string;
          limit?: number;
          status?: "pending" | "succeeded" | "failed";
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["WebhookDelivery"][];
              nextCursor: string | null;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}/deliveries/{deliveryId}": {
    get: {
      parameters: {
        path: {
          deliveryId: string;
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["WebhookDeliveryDetail"];
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}/deliveries/{deliveryId}/redelivery": {
    post: {
      parameters: {
        path: {
          deliveryId: string;
          id: string;
        };
      };
      responses: {
        "202": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}/secret-rotation": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "201": {
          content: {
            "application/json": {
              /** 新しい whsec_… 一度だけ表示 */
              secret: string;
            };
          };
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/webhooks/{id}/test": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "202": {
          content?: never;
        };
        "401": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "403": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "404": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "409": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        "422": {
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
};
