// What every field of an editor needs: the content, how to change it, the document's context
// (officers, case), its template version (wording and labels), and which paths the completeness
// list flags.
import { createContext, useContext } from 'react';
import type { DocumentDetail } from '../../shared/documents/document-api.ts';
import type { DocumentTemplate } from '../../shared/documents/templates.ts';
import type { Content } from './paths.ts';

export interface EditorCtx {
  content: Content;
  update: (next: Content | ((c: Content) => Content), path?: string) => void;
  doc: DocumentDetail;
  /** The template version the document was made with. */
  template: DocumentTemplate;
  /**
   * A label of that template version (section.…, a content path, list[].key). A key the template
   * lacks shows as itself, visibly wrong, rather than as nothing (templates.test.ts prevents it).
   */
  label: (key: string) => string;
  flagged: ReadonlySet<string>;
  readOnly: boolean;
  /** Saves what is pending now (before an action that changes the document elsewhere). */
  flush: () => Promise<void>;
  /** Reloads the document from the core (after such an action). */
  reload: () => void;
  /** Opens another document of the case (a linked record). */
  openDocument: (id: string) => void;
}

export const EditorContext = createContext<EditorCtx | null>(null);

export function useEditor(): EditorCtx {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor outside an editor');
  return v;
}
