import { Field, type FieldProps } from "@fluentui/react-components";
import { fieldDomId } from "../model/fieldPaths";
import { useFieldProblem } from "./problems";

export type PlanFieldProps = Omit<FieldProps, "validationState" | "validationMessage" | "id"> & {
  /** The plan-file path this field edits; its problems are shown here and Preview links here. */
  path: string;
  /** Further paths whose problems belong on this field (e.g. the whole lock, `locks[0]`). */
  alsoShows?: string[];
};

/** A Fluent Field for one plan-file field: labelled, with that field's problem under it. */
export function PlanField({ path, alsoShows = [], ...props }: PlanFieldProps) {
  const problem = useFieldProblem(path, ...alsoShows);
  return (
    <Field
      {...props}
      id={fieldDomId(path)}
      validationState={problem ? "error" : "none"}
      validationMessage={problem}
    />
  );
}
