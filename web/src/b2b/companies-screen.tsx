import { useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { Can } from "../session/can.tsx";
import { Link, navigate } from "../shell/router.tsx";
import { Empty, ErrorNotice, Loading } from "../ui/states.tsx";
import { B2bHeader } from "./b2b-nav.tsx";
import { CompanyForm, EMPTY_COMPANY } from "./company-form.tsx";
import { closingLabel } from "./terms.ts";
import type { Company, List } from "./types.ts";

/** 取引先: the companies that order from the merchant, and a new one. */
export function CompaniesScreen() {
  const companies = useApi<List<Company>>("/api/b2b/companies");
  const [adding, setAdding] = useState(false);
  return (
    <section className="screen">
      <B2bHeader title="取引先" />
      <Can permission="b2b:write">
        {!adding && (
          <div className="action-row">
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              取引先を追加
            </button>
          </div>
        )}
        {adding && (
          <CompanyForm
            initial={EMPTY_COMPANY}
            submitLabel="取引先を追加"
            onSubmit={async (input) => {
              const created = await api<Company>("POST", "/api/b2b/companies", input);
              navigate(`/b2b/companies/${created.id}`);
            }}
          />
        )}
      </Can>
      <ErrorNotice error={companies.error} />
      {!companies.data ? (
        !companies.error && <Loading />
      ) : companies.data.items.length === 0 ? (
        <Empty>
          <p>取引先はまだありません。</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>取引先コード</th>
                <th>取引先名</th>
                <th>価格ランク</th>
                <th>支払条件</th>
                <th>締め日</th>
              </tr>
            </thead>
            <tbody>
              {companies.data.items.map((c) => (
                <tr key={c.id} data-company-code={c.code} className={c.disabled ? "row-deleted" : undefined}>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>
                    <Link to={`/b2b/companies/${c.id}`}>{c.name}</Link>
                    {c.disabled && <span className="badge badge-deleted">停止中</span>}
                  </td>
                  <td>{c.rank ?? "—"}</td>
                  <td>{c.paymentTermsLabel}</td>
                  <td>{closingLabel(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
