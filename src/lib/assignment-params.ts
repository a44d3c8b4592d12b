/**
 * The query parameters that carry an assignment (`a-<id>`) and a learner's result (`r-<id>`) for
 * a widget. Apart from `assignment.ts` so that a widget can tell whether its link holds either
 * without loading the schemas that read them.
 */
export const assignmentParam = (id: string) => `a-${id}`;
export const resultParam = (id: string) => `r-${id}`;

/** Whether the URL (default: the current page) has an assignment or a result for the widget. */
export function hasAssignmentParams(id: string, url?: string): boolean {
  try {
    const params = new URL(url ?? (typeof location === 'undefined' ? 'http://localhost/' : location.href)).searchParams;
    return params.has(assignmentParam(id)) || params.has(resultParam(id));
  } catch {
    return false;
  }
}
