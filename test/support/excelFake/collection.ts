import { FakeClientObject, type LoadOptions, type LoadResponse, loadNames } from "./clientObject";
import { propertyNotLoaded } from "./officeError";

/**
 * A collection proxy (worksheets, tables, settings…): `load("items/name")` loads the listed
 * properties of every item; `items` is readable after the sync.
 */
export abstract class FakeCollection<
  TItemTarget,
  TItem extends FakeClientObject<TItemTarget>,
> extends FakeClientObject<readonly TItemTarget[]> {
  private loadedItems: TItem[] | undefined = undefined;

  /** A proxy bound to an item that exists now. */
  protected abstract itemFor(target: TItemTarget): TItem;
  /** The scalar properties of an item. */
  protected abstract itemScalars(): readonly string[];

  protected scalars(): readonly string[] {
    return [];
  }

  protected snapshot(): unknown {
    return null;
  }

  /** The items loaded by the last sync. */
  get items(): TItem[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.typeName, "items");
    return this.loadedItems;
  }

  override load(options?: LoadOptions): this {
    const names = loadNames(options ?? "items", this.itemScalars(), this.typeName, "items/");
    let created: TItem[] = [];
    this.context.enqueue({
      wire: { load: names.map((n) => `items/${n}`), on: this.path },
      apply: () => {
        this.context.engine.require(this.minVersion, `${this.typeName}.load`);
        const targets = this.resolve();
        created = targets.map((t) => this.itemFor(t));
        return created.map((item, i) => item.snapshotResponse(names, targets[i]));
      },
      commit: (response) => {
        const responses = response as LoadResponse[];
        created.forEach((item, i) => item.acceptLoad(responses[i]));
        this.loadedItems = created;
      },
    });
    return this;
  }
}
