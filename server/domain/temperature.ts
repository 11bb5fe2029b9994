/** クール便: how cold a parcel travels. No value means 常温 (ambient). */
export const TEMPERATURES = {
  chilled: { label: "冷蔵" },
  frozen: { label: "冷凍" },
} as const;

export type Temperature = keyof typeof TEMPERATURES;
export const TEMPERATURE_CODES = Object.keys(TEMPERATURES) as Temperature[];

export function isTemperature(value: unknown): value is Temperature {
  return typeof value === "string" && value in TEMPERATURES;
}
