/** Where a new model starts: the smallest complete model, in YAML, to be renamed and filled in. */
export const NEW_MODEL_TEMPLATE = `id: my-model
version: 1.0.0
name: My practice model
citation: Author, A. (2026). Title of the source publication.
description: What this model describes and whom it is for.
stages:
  - id: exploring
    name: Exploring
    description: The first stage of support.
    emphasizes: [engaging]
    provenance: operationalized
componentGroups:
  - id: foundational
    name: Foundational
    provenance: operationalized
components:
  - id: engaging
    name: Engaging partners
    group: foundational
    definition: What the practitioner does to build a working relationship.
    activities:
      - id: agree-roles
        label: Agree roles
        description: Agrees roles and expectations with the partner.
        provenance: operationalized
    mechanisms: [trust]
    targetOutcomes: [alliance]
    provenance: operationalized
principles:
  - id: relationship-centered
    name: Relationship-centered
    description: Support is built on trust.
    indicators:
      - Partners say they are heard.
    provenance: operationalized
constructs:
  - id: trust
    name: Trust
    description: Confidence in the practitioner's intent and competence.
    provenance: operationalized
outcomes:
  - id: alliance
    name: Working alliance
    tier: immediate
    levels: [individual, team]
    provenance: operationalized
  - id: capacity
    name: Implementation capacity
    tier: short-term
    levels: [organization]
    provenance: operationalized
links:
  - id: engaging-trust
    from: engaging
    to: trust
    rationale: Keeping commitments builds trust.
    status: hypothesized
    provenance: operationalized
  - id: trust-alliance
    from: trust
    to: alliance
    rationale: Trust grounds a working alliance.
    status: hypothesized
    provenance: operationalized
  - id: alliance-capacity
    from: alliance
    to: capacity
    rationale: Partners who work well with the practitioner build capacity with them.
    status: hypothesized
    provenance: operationalized
`;
