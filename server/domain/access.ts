/**
 * Who may do what: areas of the product, read or write on each, and the four roles of a merchant's
 * staff. Pure: the HTTP layer resolves a request's permissions from its session's role or its API
 * token's scopes and asks `allows`.
 */
export const AREAS = {
  orders: "受注",
  shipping: "出荷",
  stock: "在庫",
  catalog: "商品・商品マッピング",
  inquiries: "問い合わせ",
  b2b: "BtoB取引先",
  shops: "ショップ・受注取込",
  warehouses: "倉庫",
  mail: "メール",
  settings: "タグ・取込形式などの設定",
  users: "ユーザー",
  tokens: "APIトークン",
  webhooks: "Webhook",
  plan: "プラン",
} as const;

export type Area = keyof typeof AREAS;
export type Access = "read" | "write";
/** `orders:write` includes `orders:read`. */
export type Permission = `${Area}:${Access}`;

export const AREA_CODES = Object.keys(AREAS) as Area[];
export const ALL_PERMISSIONS: readonly Permission[] = AREA_CODES.flatMap((a) => [
  `${a}:read` as const,
  `${a}:write` as const,
]);

const everything = (access: Access, except: readonly Area[] = []): Permission[] =>
  AREA_CODES.filter((a) => !except.includes(a)).map((a) => `${a}:${access}` as const);

/** The floor work of a day: orders, parcels, stock, the product mappings an order needs and BtoB buyers. */
const DAILY_WORK: readonly Area[] = ["orders", "shipping", "stock", "catalog", "inquiries", "b2b"];
const BUSINESS_AREAS = AREA_CODES.filter((a) => !["users", "tokens", "webhooks"].includes(a));

export const ROLES = {
  owner: {
    label: "オーナー",
    description: "すべての操作。ユーザーの招待・権限変更とプランの確認もできます。",
    permissions: everything("write"),
  },
  admin: {
    label: "管理者",
    description:
      "受注・出荷の業務に加えて、ショップ・倉庫・メール・設定・APIトークン・Webhookを変更できます。",
    permissions: [...everything("write", ["users", "plan"]), "plan:read"],
  },
  staff: {
    label: "スタッフ",
    description: "受注・出荷・在庫・商品マッピング・問い合わせ・BtoB取引先の業務。設定は見るだけです。",
    permissions: [
      ...DAILY_WORK.map((a) => `${a}:write` as const),
      ...BUSINESS_AREAS.filter((a) => !DAILY_WORK.includes(a)).map((a) => `${a}:read` as const),
    ],
  },
  viewer: {
    label: "閲覧のみ",
    description: "受注・出荷・在庫・設定を見るだけで、何も変更できません。",
    permissions: BUSINESS_AREAS.map((a) => `${a}:read` as const),
  },
} as const satisfies Record<
  string,
  { label: string; description: string; permissions: readonly Permission[] }
>;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

export function permissionsOfRole(role: Role): ReadonlySet<Permission> {
  return new Set(ROLES[role].permissions);
}

export function allows(granted: ReadonlySet<Permission>, needed: Permission): boolean {
  if (granted.has(needed)) return true;
  const [area, access] = needed.split(":") as [Area, Access];
  return access === "read" && granted.has(`${area}:write`);
}

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

/** 「受注の変更」: how a refusal and the token screen name a permission. */
export function permissionLabel(permission: Permission): string {
  const [area, access] = permission.split(":") as [Area, Access];
  return `${AREAS[area]}の${access === "read" ? "閲覧" : "変更"}`;
}
