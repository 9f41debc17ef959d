// The workflow's states in their order (crates/article's `Status`), for the views that offer them.
import type { WorkflowStatus } from "./backend";

export const WORKFLOW: readonly WorkflowStatus[] = ["draft", "in_review", "ready", "scheduled", "published"];
