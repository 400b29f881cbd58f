import type { TSESTree } from '@typescript-eslint/utils';

/** What a finding gathers as decisions take it in: whether any allows credentials, and where one is made. */
export interface Placed {
  credentials: boolean;
  /** Where the linted file makes the decision, for a finding in another module. */
  site: TSESTree.Node;
}

/**
 * The findings of a rule that judges decisions, each reported once however many decisions it takes
 * part in: the first decision places it, and any that allows credentials marks it so.
 */
export class FindingsOnce<Finding extends { readonly node: TSESTree.Node }> {
  private readonly byNode = new Map<TSESTree.Node, Finding & Placed>();

  /** Where the decision being judged is made in the linted file. */
  site: TSESTree.Node;

  constructor(program: TSESTree.Program) {
    this.site = program;
  }

  record(finding: Finding, credentials: boolean): void {
    const known = this.byNode.get(finding.node);
    if (known) known.credentials ||= credentials;
    else this.byNode.set(finding.node, { ...finding, credentials, site: this.site });
  }

  values(): IterableIterator<Finding & Placed> {
    return this.byNode.values();
  }
}
