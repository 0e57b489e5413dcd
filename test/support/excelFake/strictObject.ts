import { notImplemented } from "./officeError";

/** Names tools and the language probe on any object; answering `undefined` is harmless. */
const PROBED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "_isMockFunction",
  "inspect",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
]);

/**
 * Wraps an object so that reading or setting a member it does not have throws "not implemented
 * in the fake" instead of quietly giving `undefined`: an Excel API the fake lacks can never pass
 * a test by accident.
 */
export function strictObject<T extends object>(target: T, typeName: () => string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "symbol" || key in object) return Reflect.get(object, key, receiver);
      if (PROBED.has(key)) return undefined;
      throw notImplemented(`${typeName()}.${key}`);
    },
    set(object, key, value, receiver) {
      if (typeof key === "symbol" || key in object)
        return Reflect.set(object, key, value, receiver);
      throw notImplemented(`setting ${typeName()}.${key}`);
    },
  });
}
