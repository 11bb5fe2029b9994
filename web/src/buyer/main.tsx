import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BuyerApp } from "./app.tsx";
import { BuyerSessionProvider } from "./session.tsx";
import "../styles.css";
import "./buyer.css";

const root = document.getElementById("root");
if (!root) throw new Error("buyer.html has no #root");
createRoot(root).render(
  <StrictMode>
    <BuyerSessionProvider>
      <BuyerApp />
    </BuyerSessionProvider>
  </StrictMode>,
);
