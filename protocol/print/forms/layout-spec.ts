// A document's printed layout: its template version's layout data (shared/documents/templates/)
// applied to its content — the blocks and signature slots paginate.ts lays out. The layout is
// data; this is the one interpreter of it (grammar: shared/documents/print-layout.ts).
import type { DocumentDetail } from '../../../shared/documents/document-api.ts';
import type { BlockDef, PrintLayout, SlotDef, Value } from '../../../shared/documents/print-layout.ts';
import { matterPhrase, type DocumentTemplate } from '../../../shared/documents/templates.ts';
import { descriptorOf, templateFor } from '../../../shared/documents/types/registry.ts';
import type { Block, DocumentLayoutSpec, SignatureSlotSpec } from '../layout-model.ts';
import { openings } from './common.ts';
import { FORMATTERS, type FormatContext } from './formatters.ts';

type Scope = { row?: Record<string, unknown>; index?: number };

function get(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

class Interpreter {
  private readonly doc: DocumentDetail;
  private readonly template: DocumentTemplate;
  private readonly layout: PrintLayout;
  private readonly content: Record<string, unknown>;
  private varsCache: Record<string, string> | null = null;
  private readonly fmt: FormatContext;

  constructor(doc: DocumentDetail, template: DocumentTemplate, content: Record<string, unknown>) {
    this.doc = doc;
    this.template = template;
    this.layout = template.layout;
    this.content = content;
    this.fmt = { doc, template, vars: () => this.vars() };
  }

  private vars(): Record<string, string> {
    if (!this.varsCache) {
      const base: Record<string, string> = {
        agency: this.doc.context.agency,
        matter: matterPhrase(this.doc.context.matterName),
        party: this.doc.context.partyName,
      };
      // Set before rendering: a var may not refer to another through {{para:…}}.
      this.varsCache = base;
      for (const [k, v] of Object.entries(this.layout.vars ?? {})) base[k] = this.value(v, {});
    }
    return this.varsCache;
  }

  /** What a path names: inside a row, the row; else the content; ctx./doc./tpl./var./content. reach the rest. */
  private resolve(path: string, scope: Scope): unknown {
    if (path === '#') return scope.index === undefined ? undefined : scope.index + 1;
    const [head, ...rest] = path.split('.');
    const tail = rest.join('.');
    switch (head) {
      case 'ctx':
        return get(this.doc.context, tail);
      case 'doc':
        return get(this.doc, tail);
      case 'tpl':
        return get(this.template, tail);
      case 'var':
        return this.vars()[tail];
      case 'content':
        return get(this.content, tail);
    }
    return get(scope.row ?? this.content, path);
  }

  private text(t: string, scope: Scope): string {
    return t.replace(/\{\{([^}]+)\}\}/g, (_m, expr: string) => {
      const colon = expr.indexOf(':');
      if (colon < 0) {
        const v = this.resolve(expr, scope);
        if (v !== null && v !== undefined && typeof v === 'object')
          throw new Error(`layout ${this.template.type}@${this.template.version}: {{${expr}}} is not a text`);
        return v === null || v === undefined ? '' : String(v);
      }
      const name = expr.slice(0, colon);
      const f = FORMATTERS[name];
      if (!f) throw new Error(`layout ${this.template.type}@${this.template.version}: no formatter ${name}`);
      const raw = expr
        .slice(colon + 1)
        .split(',')
        .filter(Boolean);
      return f(
        this.fmt,
        raw.map((p) => this.resolve(p, scope)),
        raw,
      );
    });
  }

  value(v: Value, scope: Scope): string {
    if (typeof v === 'string') return this.text(v, scope);
    if ('join' in v)
      return v.parts
        .map((p) => this.value(p, scope))
        .filter(Boolean)
        .join(v.join);
    if ('first' in v) {
      for (const p of v.first) {
        const s = this.value(p, scope);
        if (s) return s;
      }
      return '';
    }
    if ('if' in v)
      return this.value(v.if, scope)
        ? this.value(v.then, scope)
        : v.else === undefined
          ? ''
          : this.value(v.else, scope);
    if ('end' in v) {
      const s = this.value(v.end, scope);
      return !s || /[。！？…]$/.test(s) ? s : s + (v.mark ?? '。');
    }
    return v.concat.map((p) => this.value(p, scope)).join('');
  }

  private holds(path: string, scope: Scope): boolean {
    const v = this.resolve(path, scope);
    if (Array.isArray(v)) return v.length > 0;
    return typeof v === 'object' ? v !== null : Boolean(v);
  }

  applies(c: { when?: string; unless?: string }, scope: Scope): boolean {
    return (
      (c.when === undefined || this.holds(c.when, scope)) && (c.unless === undefined || !this.holds(c.unless, scope))
    );
  }

  private rows(path: string): Record<string, unknown>[] {
    const v = this.resolve(path, {});
    return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
  }

  slot(s: SlotDef, scope: Scope): SignatureSlotSpec {
    const out: SignatureSlotSpec = { id: s.id, label: s.label };
    if (s.role !== undefined) out.role = s.role;
    if (s.officer !== undefined) out.officerId = String(this.resolve(s.officer, scope) ?? '');
    if (s.signer !== undefined) out.signerName = this.value(s.signer, scope);
    if (s.mirror) out.mirror = [...s.mirror];
    return out;
  }

  blocks(defs: BlockDef[], scope: Scope): Block[] {
    return defs.filter((b) => this.applies(b, scope)).flatMap((b) => this.block(b, scope));
  }

  private block(b: BlockDef, scope: Scope): Block[] {
    const v = (x: Value) => this.value(x, scope);
    switch (b.kind) {
      case 'title':
        return [{ kind: 'title', text: v(b.text) }];
      case 'line': {
        const out: Extract<Block, { kind: 'line' }> = { kind: 'line' };
        if (b.left !== undefined) out.left = v(b.left);
        if (b.center !== undefined) out.center = v(b.center);
        if (b.right !== undefined) out.right = v(b.right);
        if (b.size !== undefined) out.size = b.size;
        return [out];
      }
      case 'grid':
        return [
          {
            kind: 'grid',
            columns: b.columns,
            rows: b.rows
              .filter((r) => this.applies(r, scope))
              .map((r) => r.cells.map((c) => ({ label: v(c.label), value: v(c.value), span: c.span }))),
          },
        ];
      case 'heading':
        return [{ kind: 'heading', text: v(b.text) }];
      case 'para': {
        const out: Extract<Block, { kind: 'para' }> = { kind: 'para', text: v(b.text) };
        if (b.label !== undefined) out.label = v(b.label);
        if (b.indent) out.indent = true;
        if (b.bold) out.bold = true;
        if (b.closing) out.closing = true;
        return [out];
      }
      case 'openings': {
        const ids = b.officers.flatMap((p) => {
          const x = this.resolve(p, scope);
          return Array.isArray(x) ? x.map(String) : [String(x ?? '')];
        });
        return openings(
          this.doc,
          this.template,
          ids,
          (this.content.openings ?? []) as { key: string; answer: string }[],
        );
      }
      case 'each':
        return this.rows(b.of).flatMap((row, index) => this.blocks(b.blocks, { row, index }));
      case 'table': {
        const rows = this.rows(b.of);
        const out: Extract<Block, { kind: 'table' }> = {
          kind: 'table',
          columns: b.columns.map(({ value: _value, ...c }) => c),
          rows: rows.map((row, index) => b.columns.map((c) => this.value(c.value, { row, index }))),
        };
        if (b.size !== undefined) out.size = b.size;
        if (b.note !== undefined)
          out.notes = rows.map((row, index) => this.value(b.note!, { row, index }) || undefined);
        if (b.endMark !== undefined) out.endMark = v(b.endMark);
        return [out];
      }
      case 'signatures':
        return [
          { kind: 'signatures', slots: b.slots.filter((s) => this.applies(s, scope)).map((s) => this.slot(s, scope)) },
        ];
      case 'gap':
        return [{ kind: 'gap', height: b.height }];
      case 'pageBreak': {
        const out: Extract<Block, { kind: 'pageBreak' }> = { kind: 'pageBreak' };
        if (b.head !== undefined) out.head = v(b.head);
        if (b.continued !== undefined) out.continued = v(b.continued);
        return [out];
      }
      case 'endMark':
        return [{ kind: 'endMark', text: v(b.text) }];
      case 'issuer':
        return [{ kind: 'issuer', agency: v(b.agency), date: v(b.date) }];
    }
  }
}

/** The document as its template version lays it out (or `template`, in tests), ready for pagination. */
export function layoutSpec(
  doc: DocumentDetail,
  template: DocumentTemplate = templateFor(doc.type, doc.templateVersion),
): DocumentLayoutSpec {
  // The content as its type's schema reads it (defaults filled), the same as the editor and the checks see.
  const content = descriptorOf(doc.type).content.parse(doc.content);
  const it = new Interpreter(doc, template, content);
  const spec: DocumentLayoutSpec = {
    runningHead: it.value(template.layout.runningHead, {}),
    docNo: doc.docNo,
    blocks: it.blocks(template.layout.blocks, {}),
    perPageSlots: template.layout.perPage.filter((s) => it.applies(s, {})).map((s) => it.slot(s, {})),
    draft: doc.state === 'draft',
  };
  if (template.layout.typesetting === 2) spec.typesetting = 2;
  return spec;
}
