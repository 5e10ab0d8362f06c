/**
 * The one error the DAL throws on purpose: a refusal the person can act on. Its message is shown as
 * it is (so it says what to do), next to the form field `field` when one is to blame. Anything else
 * a DAL function throws is a fault, or Next's own forbidden()/redirect(), and is never shown.
 * lib/actions/builder.ts turns it into form state; the DAL knows nothing about forms.
 */
export class DalError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DalError';
  }
}
