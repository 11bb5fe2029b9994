import { useState } from "react";
import { ApiError, download } from "../api/client.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { closingLabel } from "./terms.ts";
import type { Company } from "./types.ts";

/** The previous month in Tokyo, YYYY-MM: the 請求書 a merchant usually sends now. */
function lastMonth(): string {
  const tokyo = new Date(Date.now() + 9 * 3600_000);
  tokyo.setUTCDate(1);
  tokyo.setUTCMonth(tokyo.getUTCMonth() - 1);
  return tokyo.toISOString().slice(0, 7);
}

/** 請求書: one PDF per month for a 掛け払い company, over the period its 締め日 closes. */
export function InvoicesSection({ company }: { company: Company }) {
  const [month, setMonth] = useState(lastMonth);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await download("GET", `/api/b2b/companies/${company.id}/invoices?month=${month}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="invoices">
      <h2 id="invoices">請求書</h2>
      <p className="muted">{closingLabel(company)}の請求書をPDFで作ります。</p>
      <div className="form-row">
        <label className="field">
          <span className="field-label">請求月</span>
          <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" className="button" disabled={busy || !month} onClick={() => void get()}>
          請求書をダウンロード
        </button>
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}
