// What every field that saves itself shares: its props, and the names by which
// the page finds it (a label's `for`, tests' `data-testid`, and the
// `data-field` that a finding's or a comment's "Sửa" brings into view).
import type { Entity } from "../../lib/bindings";

export type FieldProps<V> = {
  entity: Entity;
  id: number;
  /** The field's wire name in the registry, e.g. "leaderName". */
  field: string;
  value: V;
  label: string;
  help?: string;
  testid?: string;
  /** In a table the column header names the field. */
  hideLabel?: boolean;
  /** Where a refusal is told instead of under the field (a sheet whose rows
   *  keep their height); called with `null` once a value is saved. */
  onerror?: (message: string | null) => void;
};

/** How wide a field is drawn, by what usually goes in it. */
export type FieldSize = "short" | "medium" | "normal" | "long";

export type FieldNames = { inputId: string; testid: string; dataField: string };

export function fieldNames(p: { entity: Entity; id: number; field: string; testid?: string }): FieldNames {
  return {
    inputId: `f-${p.entity}-${p.id}-${p.field}`,
    testid: p.testid || `${p.entity}.${p.field}`,
    dataField: `${p.entity}.${p.id}.${p.field}`,
  };
}
