import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useCan } from "../session/can.tsx";
import { Link } from "../shell/router.tsx";
import { ErrorNotice, Loading } from "../ui/states.tsx";
import { B2bNav } from "./b2b-nav.tsx";
import { BuyersSection } from "./buyers-section.tsx";
import { CompanyForm } from "./company-form.tsx";
import { InvoicesSection } from "./invoices-section.tsx";
import { MailDestinationsSection } from "./mail-destinations-section.tsx";
import { ShipToSection } from "./ship-to-section.tsx";
import { closingLabel } from "./terms.ts";
import type { Company } from "./types.ts";

/** 取引先詳細: the company, where its mails go, where it ships to, who orders, and its monthly 請求書. */
export function CompanyScreen({ id }: { id: string }) {
  const company = useApi<Company>(`/api/b2b/companies/${id}`);
  const writable = useCan("b2b:write");
  const c = company.data;
  return (
    <section className="screen">
      <Link to="/b2b" className="back-link">
        ← 取引先
      </Link>
      <header className="screen-header">
        <h1>{c ? c.name : "取引先"}</h1>
        {c && (
          <span className="muted">
            <code>{c.code}</code> ・ {c.paymentTermsLabel} ・ {closingLabel(c)}
          </span>
        )}
      </header>
      <B2bNav />
      <ErrorNotice error={company.error} />
      {!c ? (
        !company.error && <Loading />
      ) : (
        <div className="detail-grid">
          <section className="card" aria-labelledby="company-basics">
            <h2 id="company-basics">基本情報</h2>
            {writable ? (
              <CompanyForm
                key={JSON.stringify(c)}
                initial={c}
                submitLabel="保存"
                onSubmit={async (input) => {
                  await api("PATCH", `/api/b2b/companies/${id}`, input);
                  company.reload();
                }}
              />
            ) : (
              <dl className="facts">
                <dt>価格ランク</dt>
                <dd>{c.rank ?? "—"}</dd>
                <dt>メモ</dt>
                <dd>{c.notes || "—"}</dd>
              </dl>
            )}
          </section>
          <MailDestinationsSection companyId={id} />
          <ShipToSection companyId={id} />
          <BuyersSection companyId={id} />
          {c.paymentTerms === "invoice" && <InvoicesSection company={c} />}
        </div>
      )}
    </section>
  );
}
