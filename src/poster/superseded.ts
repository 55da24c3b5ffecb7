/** A render skipped because a newer one was asked for. Its own module, so the island can recognise it without loading the studio. */
export class Superseded extends Error {
  constructor() {
    super('A newer poster was asked for.');
    this.name = 'Superseded';
  }
}
