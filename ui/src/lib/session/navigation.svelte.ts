// Where the editor is: the section shown, the activity filter, the activity
// open in the list or in the editor over the page, and a field to bring into
// view (a finding's "Sửa").
import type { Comment, Entity, Stage, Step, Target } from "../bindings";

/** What the editor shows: a step of the plan, or one of the overviews. */
export type Section = Step | "matrix" | "timeline" | "check" | "review" | "results";

export type ActivityFilter = {
  /** A policy id, "general" for activities of no policy, or null for all. */
  policy: number | "general" | null;
  stage: Stage | null;
  channel: number | null;
};

export type Focus = { entity: Entity | null; id: number | null; field: string | null };

export class Navigation {
  section = $state<Section>("general");
  filter = $state<ActivityFilter>({ policy: null, stage: null, channel: null });
  /** The activity open for editing in the activity list. */
  expanded = $state<number | null>(null);
  /** The activity open in the editor over the step or overview shown (step 2,
   * the matrix, the timeline): closing it leaves the user where they were. */
  editing = $state<number | null>(null);
  /** A field the editor should bring into view and focus. */
  focus = $state<Focus | null>(null);

  /** Takes the user to where a finding is fixed. */
  goTo(target: Target): void {
    if (target.step === "activities" && target.entity === "activity" && target.id !== null) {
      this.showActivities(null, null, target.id);
    } else {
      this.section = target.step;
    }
    this.focus = { entity: target.entity, id: target.id, field: target.field };
  }

  /** Takes the user to where a comment applies. */
  goToComment(c: Comment): void {
    const a = c.anchor;
    if (a.kind === "section") {
      this.section = a.step;
      return;
    }
    this.goTo({ step: c.step, entity: a.entity, id: a.id, field: a.field });
  }

  /** Opens the activity list filtered to one policy and stage. */
  showActivities(policy: number | "general" | null, stage: Stage | null, expand: number | null = null): void {
    this.filter = { policy, stage, channel: null };
    this.expanded = expand;
    this.editing = null;
    this.section = "activities";
  }

  /** Opens one activity in the editor over what is shown; the section stays. */
  editActivity(id: number): void {
    this.editing = id;
  }
}
