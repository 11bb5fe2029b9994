import { after, before } from "node:test";
import { orderSinkContract } from "#server/ports/contracts/order-sink.contract.ts";
import { orderSourceContract } from "#server/ports/contracts/order-source.contract.ts";
import { stockSinkContract } from "#server/ports/contracts/stock-sink.contract.ts";
import { rakutenContractSetUp } from "#test/channels/rakuten.ts";
import { startContractMall } from "#test/channels/rakuten-contract.ts";

/** The ports' shared contract suites, run by the Rakuten adapter against the RMS sandbox over HTTP. */

let mall: Awaited<ReturnType<typeof startContractMall>>;
before(async () => {
  mall = await startContractMall();
});
after(() => mall.close());

const setUp = rakutenContractSetUp(() => mall);
orderSourceContract("rakuten", setUp);
orderSinkContract("rakuten", setUp);
stockSinkContract("rakuten", setUp);
