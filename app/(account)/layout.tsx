// The account detail page lives outside the dashboard group only so that group's route-level loading.tsx
// does not stream it: an unknown account must answer HTTP 404, decided before the first byte. Same shell.
export { default } from '../(dashboard)/layout';
