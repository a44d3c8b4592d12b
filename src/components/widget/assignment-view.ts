/**
 * What a widget's link says about an assignment: a task to show, a result to replay and judge, or
 * why it is refused. Loaded by WidgetFrame only when the link carries an assignment or a result.
 */
import { t } from '../../i18n/index.ts';
import '../../i18n/strings/assign.ts';
import { assignmentProblem, readAssignment, readResult, type AssignSpec, type AssignView } from '../../lib/assignment.ts';
import { readStateFromUrl } from '../../lib/share-state.ts';
import type { AnySchema } from '../../lib/zod.ts';

/** Reads an assignment or a result for widget `id` from the page URL (null when it has neither). */
export function readAssignmentView<S>(id: string, spec: AssignSpec<S>, schema: AnySchema<S>, url?: string): AssignView | null {
  const r = readResult(id, url);
  if (r.ok || !r.absent) {
    if (!r.ok) return { kind: 'refused', reason: t('result.refused.bad', { reason: r.reason }) };
    const problem = r.value.a.widget !== id ? `it was made for “${r.value.a.widget}”` : assignmentProblem(r.value.a, spec.measures);
    if (problem) return { kind: 'refused', reason: t('result.refused.wrong', { reason: problem }), result: r.value };
    const state = readStateFromUrl(id, schema, url);
    if (!state.ok) return { kind: 'refused', reason: t('result.refused.state', { reason: state.reason }), result: r.value };
    const replayed = state.value;
    return { kind: 'result', result: r.value, replay: () => spec.replay(structuredClone(replayed)) };
  }
  const a = readAssignment(id, url);
  if (!a.ok && a.absent) return null;
  if (!a.ok) return { kind: 'bad', reason: t('assign.bad', { reason: a.reason }) };
  const problem = a.value.widget !== id ? `it was made for “${a.value.widget}”` : assignmentProblem(a.value, spec.measures);
  if (problem) return { kind: 'bad', reason: t('assign.wrong', { reason: problem }) };
  return { kind: 'task', assignment: a.value };
}
