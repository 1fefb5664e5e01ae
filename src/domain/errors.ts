// The error type lives with the practice model, the innermost layer, so that every layer can refuse
// with it; the domain offers it under its own name.
export * from '../model/errors.ts';
