import { formatBounds, qualified } from "./addresses";
import { FakeClientObject, quote } from "./clientObject";
import { FakeCollection } from "./collection";
import { FakeOfficeError, invalidArgument } from "./officeError";
import type { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import { type FakeSheet, folded, type KeyedEntry } from "./workbookState";

/** How one kind of keyed item behaves: where it lives, how keys compare, what it exposes. */
type KeyedKind = {
  collectionType: string;
  itemType: string;
  minVersion: string;
  fold(key: string): string;
  itemScalars: readonly string[];
  snapshot(entry: KeyedEntry, name: string): unknown;
};

/** A setting, defined name or custom property proxy. */
abstract class FakeKeyedItem extends FakeClientObject<KeyedEntry> {
  constructor(
    context: FakeRequestContext,
    protected readonly kind: KeyedKind,
    path: string,
    private readonly find: () => KeyedEntry | null,
    private readonly store: () => Map<string, KeyedEntry>,
    options: { nullable?: boolean } = {},
  ) {
    super(context, kind.itemType, path, {
      nullable: options.nullable,
      minVersion: kind.minVersion,
    });
    if (options.nullable) this.instantiate();
  }
  protected scalars(): readonly string[] {
    return this.kind.itemScalars;
  }
  protected locate(): KeyedEntry | null {
    return this.find();
  }
  protected override isGone(entry: KeyedEntry): boolean {
    return this.store().get(this.kind.fold(entry.key)) !== entry;
  }
  protected snapshot(name: string, entry: KeyedEntry): unknown {
    return this.kind.snapshot(entry, name);
  }
  delete(): void {
    this.act("call", "delete", [], (entry) => {
      this.store().delete(this.kind.fold(entry.key));
    });
  }
}

type ItemFactory<TItem> = (
  context: FakeRequestContext,
  path: string,
  find: () => KeyedEntry | null,
  store: () => Map<string, KeyedEntry>,
  options?: { nullable?: boolean },
) => TItem;

abstract class FakeKeyedCollection<TItem extends FakeKeyedItem> extends FakeCollection<
  KeyedEntry,
  TItem
> {
  constructor(
    context: FakeRequestContext,
    private readonly kind: KeyedKind,
    path: string,
    protected readonly store: () => Map<string, KeyedEntry>,
    private readonly makeItem: ItemFactory<TItem>,
  ) {
    super(context, kind.collectionType, path, { minVersion: kind.minVersion });
  }
  protected locate(): readonly KeyedEntry[] {
    return [...this.store().values()];
  }
  protected itemScalars(): readonly string[] {
    return this.kind.itemScalars;
  }
  protected itemFor(entry: KeyedEntry): TItem {
    return this.makeItem(
      this.context,
      `${this.path}.getItem(${quote(entry.key)})`,
      () => entry,
      this.store,
    );
  }
  private byKey(key: string): KeyedEntry | null {
    return this.store().get(this.kind.fold(key)) ?? null;
  }
  /** Adds (or, for settings and custom properties, replaces) an item at sync. */
  protected addEntry(
    key: string,
    value: () => unknown,
    options: { comment?: string; replace?: boolean; minVersion?: string } = {},
  ): TItem {
    const { comment, replace = true, minVersion } = options;
    let added: KeyedEntry | null = null;
    const item = this.makeItem(
      this.context,
      `${this.path}.add(${quote(key)})`,
      () => added,
      this.store,
    );
    this.act(
      "call",
      "add",
      [key, "…"],
      () => {
        const map = this.store();
        if (!replace && map.has(this.kind.fold(key))) {
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `"${key}" already exists.`,
            `${this.kind.collectionType}.add`,
          );
        }
        added = comment === undefined ? { key, value: value() } : { key, value: value(), comment };
        map.set(this.kind.fold(key), added);
      },
      minVersion,
    );
    return item;
  }
  getItem(key: string): TItem {
    return this.makeItem(
      this.context,
      `${this.path}.getItem(${quote(key)})`,
      () => this.byKey(key),
      this.store,
    );
  }
  getItemOrNullObject(key: string): TItem {
    return this.makeItem(
      this.context,
      `${this.path}.getItemOrNullObject(${quote(key)})`,
      () => this.byKey(key),
      this.store,
      { nullable: true },
    );
  }
}

const SETTINGS: KeyedKind = {
  collectionType: "SettingCollection",
  itemType: "Setting",
  minVersion: "1.4",
  fold: (key) => key,
  itemScalars: ["key", "value"],
  snapshot: (entry, name) => (name === "key" ? entry.key : entry.value),
};

/** `workbook.settings` item (ExcelApi 1.4). */
export class FakeSetting extends FakeKeyedItem {
  get key(): string {
    return this.loaded("key");
  }
  get value(): unknown {
    return this.loaded("value");
  }
  set value(value: unknown) {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.setProperty("value", value, (entry) => {
      entry.value = copy;
    });
  }
}

/** `workbook.settings` (ExcelApi 1.4): values are stored as JSON. */
export class FakeSettingCollection extends FakeKeyedCollection<FakeSetting> {
  constructor(context: FakeRequestContext) {
    super(
      context,
      SETTINGS,
      "settings",
      () => context.engine.state.settings,
      (...args) => new FakeSetting(args[0], SETTINGS, args[1], args[2], args[3], args[4]),
    );
  }
  add(key: string, value: unknown): FakeSetting {
    if (typeof key !== "string" || key === "")
      throw invalidArgument("a setting needs a key", "SettingCollection.add");
    const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this.addEntry(key, () => copy);
  }
}

const CUSTOM_PROPERTIES: KeyedKind = {
  collectionType: "WorksheetCustomPropertyCollection",
  itemType: "WorksheetCustomProperty",
  minVersion: "1.12",
  fold: folded,
  itemScalars: ["key", "value", "type"],
  snapshot: (entry, name) =>
    name === "key" ? entry.key : name === "value" ? entry.value : "String",
};

/** A worksheet's custom property (ExcelApi 1.12). */
export class FakeCustomProperty extends FakeKeyedItem {
  get key(): string {
    return this.loaded("key");
  }
  get type(): string {
    return this.loaded("type");
  }
  get value(): string {
    return this.loaded("value");
  }
  set value(value: string) {
    this.setProperty("value", value, (entry) => {
      entry.value = String(value);
    });
  }
}

/** `worksheet.customProperties` (ExcelApi 1.12); keys compare without case. */
export class FakeCustomPropertyCollection extends FakeKeyedCollection<FakeCustomProperty> {
  constructor(context: FakeRequestContext, path: string, sheet: () => FakeSheet) {
    super(
      context,
      CUSTOM_PROPERTIES,
      path,
      () => sheet().customProperties,
      (...args) =>
        new FakeCustomProperty(args[0], CUSTOM_PROPERTIES, args[1], args[2], args[3], args[4]),
    );
  }
  add(key: string, value: string): FakeCustomProperty {
    if (typeof key !== "string" || key === "" || key.length > 255) {
      throw invalidArgument(
        "a custom property key has 1 to 255 characters",
        "WorksheetCustomPropertyCollection.add",
      );
    }
    return this.addEntry(key, () => String(value));
  }
}

const NAMES: KeyedKind = {
  collectionType: "NamedItemCollection",
  itemType: "NamedItem",
  minVersion: "1.1",
  fold: folded,
  itemScalars: ["name", "formula", "comment", "type", "visible"],
  snapshot: (entry, name) => {
    switch (name) {
      case "name":
        return entry.key;
      case "formula":
        return entry.value;
      case "comment":
        return entry.comment ?? "";
      case "type":
        return "Range";
      default:
        return true;
    }
  },
};

/** A defined name. */
export class FakeNamedItem extends FakeKeyedItem {
  get name(): string {
    return this.loaded("name");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  get comment(): string {
    return this.loaded("comment");
  }
  get type(): string {
    return this.loaded("type");
  }
  get visible(): boolean {
    return this.loaded("visible");
  }
}

/** `workbook.names`: defined names referring to ranges. */
export class FakeNamedItemCollection extends FakeKeyedCollection<FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(
      context,
      NAMES,
      "names",
      () => context.engine.state.names,
      (...args) => new FakeNamedItem(args[0], NAMES, args[1], args[2], args[3], args[4]),
    );
  }
  /** Adds a name for a range or a formula (ExcelApi 1.4). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    if (
      typeof name !== "string" ||
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name)
    ) {
      throw invalidArgument(`"${String(name)}" is not a valid name`, "NamedItemCollection.add");
    }
    const formula = () => {
      if (typeof reference === "string")
        return reference.startsWith("=") ? reference : `=${reference}`;
      const { sheet, bounds } = reference.resolve();
      const absolute = formatBounds(bounds).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      return `=${qualified(sheet.name, absolute)}`;
    };
    return this.addEntry(name, formula, {
      comment: comment ?? "",
      replace: false,
      minVersion: "1.4",
    });
  }
}
