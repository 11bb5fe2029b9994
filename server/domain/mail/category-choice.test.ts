import assert from "node:assert/strict";
import { test } from "node:test";
import { type CandidateCategory, chooseCategories } from "./category-choice.ts";

const at = (n: number) => new Date(Date.UTC(2030, 0, n));
const category = (id: string, over: Partial<CandidateCategory> = {}): CandidateCategory => ({
  id,
  delayMinutes: 0,
  productId: null,
  priority: 0,
  createdAt: at(1),
  ...over,
});

const thanks = category("thanks");
const teaThanks = category("tea-thanks", { productId: "tea", createdAt: at(2) });
const cupThanks = category("cup-thanks", { productId: "cup", createdAt: at(3) });
const cupFirst = category("cup-first", { productId: "cup", priority: 10, createdAt: at(4) });
const followUp = category("follow-up", { delayMinutes: 7200 });
const notice = category("notice", { createdAt: at(5) });

const cases: [string, CandidateCategory[], string[], string[]][] = [
  ["no product category: the ordinary mail", [thanks, teaThanks], ["mug"], ["thanks"]],
  ["the product's own mail replaces the ordinary one", [thanks, teaThanks], ["tea"], ["tea-thanks"]],
  [
    "every unconditioned category of the moment when none is specific",
    [thanks, notice],
    ["tea"],
    ["thanks", "notice"],
  ],
  [
    "a specific one replaces all unconditioned ones of the moment",
    [thanks, notice, teaThanks],
    ["tea"],
    ["tea-thanks"],
  ],
  [
    "two products match, same priority: the older category",
    [thanks, cupThanks, teaThanks],
    ["tea", "cup"],
    ["tea-thanks"],
  ],
  [
    "two products match: the higher priority wins",
    [thanks, teaThanks, cupFirst],
    ["tea", "cup"],
    ["cup-first"],
  ],
  [
    "another moment (N days later) is not replaced",
    [thanks, followUp, teaThanks],
    ["tea"],
    ["tea-thanks", "follow-up"],
  ],
  ["a product category alone for an order without it: nothing", [teaThanks], ["mug"], []],
];

for (const [name, categories, products, expected] of cases) {
  test(`chooseCategories: ${name}`, () => {
    const chosen = chooseCategories(categories, new Set(products)).map((c) => c.id);
    assert.deepEqual(chosen.sort(), [...expected].sort());
  });
}
