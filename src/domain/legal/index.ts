// Public API of the legal module: dated legal parameters (durations) with their citations.
export {
  type Anchor,
  type Confidence,
  type DerivedAnchor,
  type ExtraStepKey,
  type GlossaryStepKey,
  LEGAL_PARAMETERS,
  type LegalParameter,
  parameterFor,
  parametersOf,
  type StepKey,
} from "./parameters.ts";
