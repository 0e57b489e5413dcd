import { FakeOfficeError, invalidArgument, notImplemented, propertyNotLoaded } from "./officeError";
import type { FakeRequestContext } from "./requestContext";
import { strictObject } from "./strictObject";

/** What `load()` accepts, as in Office.js. */
export type LoadOptions = string | string[] | { select?: string; expand?: string };

/** What a load sends back for one object. */
export type LoadResponse = { isNullObject: boolean; values: Record<string, unknown> };

/**
 * Property names from `load()`'s argument; all scalars when none. Navigation paths (`format/font`)
 * are not emulated and throw.
 */
export function loadNames(
  options: LoadOptions | undefined,
  scalars: readonly string[],
  typeName: string,
  prefix = "",
): string[] {
  let names: string[];
  if (options === undefined) names = [...scalars];
  else if (typeof options === "string") names = options.split(",");
  else if (Array.isArray(options)) names = options.flatMap((o) => o.split(","));
  else {
    if (options.expand) throw notImplemented(`${typeName}.load({ expand })`);
    names = (options.select ?? "").split(",");
  }
  names = names.map((n) => n.trim()).filter((n) => n !== "");
  if (prefix) {
    if (names.length === 1 && names[0] === prefix.slice(0, -1)) return [...scalars];
    names = names.map((n) => (n.startsWith(prefix) ? n.slice(prefix.length) : n));
  }
  for (const name of names) {
    if (name.includes("/")) throw notImplemented(`${typeName}.load("${name}") (navigation paths)`);
    if (!scalars.includes(name)) {
      throw invalidArgument(`${typeName} has no property "${name}" to load`, `${typeName}.load`);
    }
  }
  return names;
}

export type ClientObjectOptions = {
  /** Made by an `…OrNullObject` method: a missing object is a null object, not an error. */
  nullable?: boolean;
  /** ExcelApi version every action on this object needs. */
  minVersion?: string;
};

/**
 * A proxy object as Office.js has them: a path to something in the workbook, found only when a
 * batch runs. Setters and methods queue actions; `load()` queues a read whose values can be read
 * only after the sync — reading a property before that throws PropertyNotLoaded, like Office.js.
 * Members the fake lacks throw "not implemented in the fake".
 */
export abstract class FakeClientObject<TTarget> {
  readonly context: FakeRequestContext;
  /** How the request names the object, e.g. `worksheets.getItem("Sales").getRange("A1:H10")`. */
  readonly path: string;
  protected readonly typeName: string;
  protected readonly nullable: boolean;
  protected readonly minVersion: string;
  private readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined = undefined;
  private located: { target: TTarget | null } | undefined = undefined;

  protected constructor(
    context: FakeRequestContext,
    typeName: string,
    path: string,
    options: ClientObjectOptions = {},
  ) {
    this.context = context;
    this.typeName = typeName;
    this.path = path;
    this.nullable = options.nullable ?? false;
    this.minVersion = options.minVersion ?? "1.1";
    return strictObject(this, () => this.typeName);
  }

  /** Properties `load()` reads. */
  protected abstract scalars(): readonly string[];
  /** Finds the object in the workbook now (at sync); null when it does not exist. */
  protected abstract locate(): TTarget | null;
  /** One scalar property of the object found. */
  protected abstract snapshot(name: string, target: TTarget): unknown;

  /** Whether an object found earlier has since gone (a deleted sheet or table). */
  protected isGone(_target: TTarget): boolean {
    return false;
  }

  /** The object, or null for a null object. Found once, then kept, as Office.js paths are. */
  resolveOrNull(): TTarget | null {
    let target: TTarget | null;
    if (this.located) target = this.located.target;
    else {
      target = this.locate();
      if (target !== null || this.nullable) this.located = { target };
    }
    if (target !== null && this.isGone(target)) target = null;
    return target;
  }

  /** The object; ItemNotFound when it does not exist (or is a null object). */
  resolve(): TTarget {
    const target = this.resolveOrNull();
    if (target === null) {
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist: ${this.path}`,
        this.typeName,
      );
    }
    return target;
  }

  /** Queues a property set or a method call, applied at the next sync. */
  protected act(
    kind: "set" | "call",
    name: string,
    args: unknown[],
    apply: (target: TTarget) => unknown,
    minVersion = this.minVersion,
  ): void {
    const what = `${this.typeName}.${name}`;
    this.context.enqueue({
      wire: { [kind]: name, on: this.path, args },
      changes: true,
      apply: () => {
        this.context.engine.require(minVersion, what);
        apply(this.resolve());
        return null;
      },
    });
  }

  /** Queues a property set. */
  protected setProperty(name: string, value: unknown, apply: (target: TTarget) => void): void {
    if (value === undefined || value === null) {
      throw invalidArgument(`${this.typeName}.${name} cannot be set to ${value}`, this.typeName);
    }
    this.act("set", name, [value], apply);
  }

  /** Queues a read of properties; their values are readable after the next sync. */
  load(options?: LoadOptions): this {
    const names = loadNames(options, this.scalars(), this.typeName);
    this.context.enqueue({
      wire: { load: names, on: this.path },
      apply: () => {
        this.context.engine.require(this.minVersion, `${this.typeName}.load`);
        return this.snapshotResponse(names, this.nullable ? this.resolveOrNull() : this.resolve());
      },
      commit: (response) => this.acceptLoad(response as LoadResponse),
    });
    return this;
  }

  /** The values of some properties of a found object, as a load response. */
  snapshotResponse(names: readonly string[], target: TTarget | null): LoadResponse {
    const values: Record<string, unknown> = {};
    for (const name of names) values[name] = target === null ? null : this.snapshot(name, target);
    return { isNullObject: target === null, values };
  }

  /** Receives loaded values after the batch succeeded. */
  acceptLoad(response: LoadResponse): void {
    this.nullState = response.isNullObject;
    for (const [name, value] of Object.entries(response.values)) this.loadedValues.set(name, value);
  }

  /** A loaded property; throws PropertyNotLoaded before load + sync. */
  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loadedValues.get(name) as T;
  }

  /** Queued with an `…OrNullObject` call: the next sync tells whether the object exists. */
  protected instantiate(): void {
    this.context.enqueue({
      wire: { instantiate: this.path },
      apply: () => {
        this.context.engine.require(this.minVersion, `${this.typeName} (…OrNullObject)`);
        return { isNullObject: this.resolveOrNull() === null, values: {} };
      },
      commit: (response) => this.acceptLoad(response as LoadResponse),
    });
  }

  /** True for a null object; readable after a sync, like Office.js. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.typeName, "isNullObject");
    return this.nullState;
  }

  /** The loaded properties, as Office.js objects give them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/**
 * Quotes a string for a request path.
 * @example quote('Plan "A"') === '"Plan \\"A\\""'
 */
export function quote(text: string): string {
  return JSON.stringify(text);
}
