import { Field, type FieldProps } from "@fluentui/react-components";
import { fieldDomId } from "../model/fieldPaths";
import { useFieldProblem } from "./problems";

export type PlanFieldProps = Omit<FieldProps, "validationState" | "validationMessage" | "id"> & {
  /** The plan-file path this field edits; its problems are shown here and Preview links here. */
  path: string;
  /** Further paths whose problems belong on this field (e.g. the whole lock, `locks[0]`). */
  alsoShows?: string[];
};

/**
 * A Fluent Field for one plan-file field: labelled, with that field's problem under it once the
 * user has left the field (or its step), not while a fresh card is being filled in.
 */
export function PlanField({ path, alsoShows = [], onBlur, ...props }: PlanFieldProps) {
  const { message, onLeave } = useFieldProblem(path, ...alsoShows);
  return (
    <Field
      {...props}
      id={fieldDomId(path)}
      onBlur={(event) => {
        // Leaving the field, not moving between its own parts (a combobox's input and button).
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave();
        onBlur?.(event);
      }}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    />
  );
}
