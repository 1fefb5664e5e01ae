/** The accounts `praxis demo` creates; all share one password. */
export const demoPassword = 'praxis-demo-password';
export const demoAdmin = 'admin@demo.praxis.test';
