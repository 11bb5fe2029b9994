// biome-ignore-all format: written by a program, compared byte for byte with its output
// Written by `npm run api:types` from GET /api/buyer/openapi.json (server/http/api-types.ts): do not edit.
// server/http/api-types.test.ts fails when this file no longer matches the server's schemas.

export type components = {
  schemas: {
    BuyerOrder: {
      /** 「キャンセルリクエスト」を出せるか */
      canRequestCancel: boolean;
      cancelRequest: {
        /** 発注履歴詳細の注文状況での表示 */
        detailLabel: string;
        /** 発注履歴での表示 */
        label: string;
        reasonLabel: string;
        reasonText: string | null;
        refusalReason: string | null;
        status: "requested" | "approved" | "refused";
      } | null;
      desiredDeliveryDate: string | null;
      id: string;
      orderNumber: string;
      orderedAt: string;
      /** form 発注フォーム / mail メール発注 */
      placedVia: string;
      status: "received" | "preparing" | "shipped" | "cancelled";
      /** 注文状況: 受付済 / 出荷準備中 / 出荷済 / 取引中止 */
      statusLabel: string;
      total: number | null;
    };
    BuyerOrderDetail: components["schemas"]["BuyerOrder"] & {
      history: {
        at: string;
        label: string;
      }[];
      lines: {
        amount: number;
        name: string;
        quantity: number;
        sku: string;
        unitPrice: number;
      }[];
      note: string;
      shipTo: Record<string, string>;
    };
    BuyerSession: {
      buyer: {
        email: string;
        id: string;
        name: string;
      };
      company: {
        id: string;
        name: string;
      };
      /** Cookieで呼ぶ変更系のAPIに x-csrf-token ヘッダーで付けるトークン */
      csrfToken: string;
      expiresAt: string;
      merchant: {
        name: string;
      };
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
  };
};

export type paths = {
  "/api/buyer/cancel-reasons": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": {
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
  "/api/buyer/catalogue": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
          q?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: {
                lotQuantity: number;
                minQuantity: number;
                name: string;
                productId: string;
                sku: string;
                /** 発注できる在庫数。表示しない設定なら null */
                stock: number | null;
                unitPrice: number;
              }[];
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
  "/api/buyer/invitations/{token}": {
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
              companyName: string;
              email: string;
              expiresAt: string;
              merchantName: string;
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
  "/api/buyer/invitations/{token}/acceptance": {
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
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerSession"];
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
  "/api/buyer/orders": {
    get: {
      parameters: {
        query?: {
          cursor?: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": {
              items: components["schemas"]["BuyerOrder"][];
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
    post: {
      requestBody: {
        content: {
          "application/json": {
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
            "application/json": components["schemas"]["BuyerOrderDetail"];
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
  "/api/buyer/orders/{id}": {
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerOrderDetail"];
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
  "/api/buyer/orders/{id}/cancel-request": {
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** その他のときの理由(20文字以内) */
            otherReason?: string | null;
            /** GET /api/buyer/cancel-reasons の code */
            reasonCode: string;
          };
        };
      };
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerOrderDetail"];
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
  "/api/buyer/session": {
    get: {
      responses: {
        "200": {
          content: {
            "application/json": components["schemas"]["BuyerSession"];
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
            "application/json": components["schemas"]["BuyerSession"];
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
  "/api/buyer/ship-to": {
    get: {
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
  };
};
