import { type FormEvent, useState } from "react";
import { ApiError, query, upload } from "../api/client.ts";
import type { ProductImportFormat, ProductImportRun } from "../api/types.ts";
import { useApi } from "../api/use-api.ts";
import { useReference } from "../shell/reference-data.tsx";
import { Link, navigate, useLocation } from "../shell/router.tsx";
import { Field } from "../ui/field.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { ProductImportProgress } from "./product-import-progress.tsx";

/**
 * 商品CSV取込: a shop's item export from its mall becomes products and mappings. The first shop imported
 * into an account without products makes the master; later shops are mapped onto it by SKU.
 */
export function ProductImportScreen() {
  const { search } = useLocation();
  const runId = search.get("run");
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>商品CSV取込</h1>
        <div className="action-row">
          <Link to="/products" className="button">
            商品・在庫へ
          </Link>
        </div>
      </header>
      <p className="muted">
        最初に取り込んだショップの商品が商品マスタになります(SKU・商品名)。2つ目以降のショップの商品CSVは、SKUが一致する商品にマッピングだけを登録します。同じファイルを取り込み直しても商品は重複しません。
      </p>
      <UploadForm />
      {runId && <ProductImportProgress key={runId} runId={runId} />}
    </section>
  );
}

function UploadForm() {
  const { shops } = useReference();
  const formats = useApi<{ items: ProductImportFormat[] }>("/api/product-import-formats");
  const able = shops.filter((s) => formats.data?.items.some((f) => f.channel === s.channel));
  const [chosen, setShopId] = useState<string>();
  const shopId = chosen ?? able[0]?.id ?? "";
  const format = formats.data?.items.find((f) => f.channel === shops.find((s) => s.id === shopId)?.channel);
  const [createMissing, setCreateMissing] = useState(false);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const path = `/api/product-imports${query({ shopId, createMissing: String(createMissing), fileName: file.name })}`;
      const run = await upload<ProductImportRun>(path, file, "text/csv");
      navigate(`/products/import?run=${run.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };

  if (!formats.data) return formats.error ? <ErrorNotice error={formats.error} /> : <Loading />;
  if (able.length === 0)
    return (
      <Empty>
        商品CSVを取り込めるモールのショップがありません。<Link to="/shops">ショップ設定</Link>
        でショップを作ってください。
      </Empty>
    );
  return (
    <form className="card settings-form" onSubmit={(e) => void submit(e)} aria-label="商品CSVのアップロード">
      <Field label="ショップ" path="shopId" error={error}>
        <select value={shopId} onChange={(e) => setShopId(e.target.value)}>
          {able.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="商品CSVファイル"
        path="file"
        error={error}
        hint={format ? `${format.fileLabel}。Shift_JIS・UTF-8は自動で判定します。` : undefined}
      >
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0])} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} />{" "}
        新しい商品として登録(SKUが一致する商品がない行も商品を作ります。2つ目以降の取込で使います)
      </label>
      <div className="action-row">
        <button type="submit" className="button button-primary" disabled={busy || !file || !shopId}>
          {busy ? "アップロード中…" : "取り込む"}
        </button>
      </div>
      <ErrorNotice error={error} title="取り込めませんでした" />
    </form>
  );
}
