import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { fieldsFailed } from './validation';

/*
 * Pipes for path parameters. A malformed one is refused as a malformed body or query field is:
 * 400 VALIDATION_FAILED whose problem names the parameter (`{ field: 'id', code: 'IS_UUID' }`,
 * "id must be a UUID"), which clients translate like any field problem. Nest's own ParseUUIDPipe,
 * ParseIntPipe and ParseEnumPipe answer a bare BAD_REQUEST that names neither.
 */

const paramFailed = (field: string | undefined, code: string, message: string, params: Record<string, string[]> = {}) => {
  const name = field ?? 'parameter';
  return fieldsFailed([{ field: name, code, params }], [`${name} ${message}`]);
};

/** A path parameter that must be a UUID (any version, as class-validator's @IsUUID() takes it). */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, { data }: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value, 'all')) return value;
    throw paramFailed(data, 'IS_UUID', 'must be a UUID');
  }
}

/**
 * A path parameter that must be a whole number, answered as a number. The global validation pipe
 * runs first and has already turned a parameter declared `number` into one (NaN for "twenty").
 */
@Injectable()
export class IntPipe implements PipeTransform<unknown, number> {
  transform(value: unknown, { data }: ArgumentMetadata): number {
    if (Number.isSafeInteger(value)) return value as number;
    if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
    throw paramFailed(data, 'IS_INT', 'must be an integer number');
  }
}

/** A path parameter that must be one of `values`. */
export class OneOfPipe implements PipeTransform<unknown, string> {
  constructor(private readonly values: readonly string[]) {}

  transform(value: unknown, { data }: ArgumentMetadata): string {
    if (typeof value === 'string' && this.values.includes(value)) return value;
    throw paramFailed(data, 'IS_IN', `must be one of the following values: ${this.values.join(', ')}`, { values: [...this.values] });
  }
}
