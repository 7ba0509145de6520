import 'server-only';

/** The asked-for shock is not one the refresh stored a curve point for: say which ones exist. */
export class ShockNotOnGridError extends Error {
  constructor(
    readonly shock: number,
    readonly grid: number[],
  ) {
    super(`No stored curve point at shock ${shock}; choose one of ${grid.join(', ')}.`);
    this.name = 'ShockNotOnGridError';
  }
}
