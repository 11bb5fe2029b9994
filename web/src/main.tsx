import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SessionProvider } from "./session/session.tsx";
import { App } from "./shell/app.tsx";
import "./styles.css";
import "./list-tools.css";
import "./inquiries/inquiries.css";
import "./settings/access.css";
import "./settings/setup-checklist.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
