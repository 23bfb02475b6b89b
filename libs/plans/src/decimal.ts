import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Money and indicator values travel as exact decimal strings: PostgreSQL numeric, never a JS float. */
export const UNSIGNED_DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
export const SIGNED_DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

/**
 * A signed decimal given as a string or a JSON number. A number is kept only when its shortest
 * printed form is itself such a decimal (so 1e21 or 0.1 + 0.2 are refused, not rounded).
 */
export function IsDecimalValue(field: string): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value))(target, property);
    Matches(SIGNED_DECIMAL, { message: `${field} must be a decimal with at most 12 digits before and 2 after the point, e.g. "1250.5"` })(
      target,
      property,
    );
  };
}
