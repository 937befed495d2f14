import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule, type Permission } from '@ppo/auth';
import { getMetadataStorage } from 'class-validator';
import { RequestValidationPipe } from '../../../apps/api/src/http/request-validation.pipe';

type Dto = new () => object;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** A route that takes a command as a JSON body, with the permission it needs and the class its body must fit. */
export interface CommandRoute {
  path: string;
  permission: Permission;
  /** The body field the access guard reads the area from (registration), if any. */
  areaField?: string;
  dto: Dto;
}

/**
 * Every POST route under /api that names a permission and validates a body class, read from the
 * application's controllers: a command route added later is found without changing a test.
 */
export function commandRoutes(app: INestApplication): CommandRoute[] {
  const routes: CommandRoute[] = [];
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST) continue;
      const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const rule: AccessRule | undefined = Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, type);
      const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {};
      const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
      const dto = body && (Reflect.getMetadata('design:paramtypes', type.prototype, name) as Dto[])[body[1].index];
      if (!path.startsWith('/api/') || !rule || !('permission' in rule) || !dto || validationOf(dto).length === 0) continue;
      routes.push({ path, permission: rule.permission, areaField: rule.areaField, dto });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

const validationOf = (dto: Dto): ValidationMetadata[] => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);

/** The validation rules of each property of a body class, and for a nested one, its class. */
export function propertiesOf(dto: Dto): { name: string; rules: string[]; optional: boolean; nested?: Dto; constraints: Record<string, unknown[]> }[] {
  const byName = new Map<string, ValidationMetadata[]>();
  for (const m of validationOf(dto)) byName.set(m.propertyName, [...(byName.get(m.propertyName) ?? []), m]);
  return [...byName].map(([name, rules]) => ({
    name,
    rules: rules.map((r) => r.name ?? r.type),
    optional: rules.some((r) => r.name === 'isOptional'),
    nested: rules.some((r) => r.type === 'nestedValidation') ? (Reflect.getMetadata('design:type', dto.prototype, name) as Dto) : undefined,
    constraints: Object.fromEntries(rules.map((r) => [r.name ?? r.type, r.constraints ?? []])),
  }));
}

/**
 * A body that passes a class's validation, with every property given (optional ones too, so each can be
 * made wrong): a value of the kind each rule asks for. Throws on a rule it cannot satisfy, so a new kind
 * of field is taught here rather than silently fuzzed as if valid.
 */
export function validBodyFor(dto: Dto): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const property of propertiesOf(dto)) {
    const has = (rule: string) => property.rules.includes(rule);
    const min = property.constraints.min?.[0] as number | undefined;
    if (property.nested) body[property.name] = validBodyFor(property.nested);
    else if (has('isIn')) body[property.name] = (property.constraints.isIn[0] as unknown[])[0];
    else if (has('isIso8601')) body[property.name] = '2025-01-15';
    else if (has('isUuid')) body[property.name] = '0f3c2a1e-8d4b-4c6a-9e2f-1a2b3c4d5e6f';
    else if (has('isInt') || has('isNumber')) body[property.name] = min ?? 1;
    else if (has('isBoolean')) body[property.name] = true;
    else if (has('isArray')) body[property.name] = ['x'];
    else if (has('isString')) body[property.name] = 'x';
    else throw new Error(`The fuzzer cannot make a valid value for ${dto.name}.${property.name} (${property.rules.join(', ')}): teach validBodyFor`);
  }
  return body;
}

const pipe = new RequestValidationPipe();

/**
 * Whether a body, as JSON text, would pass the application's own validation pipe for a class; text that is
 * not JSON, or that the pipe cannot walk, does not.
 */
export async function passesValidation(dto: Dto, json: string): Promise<boolean> {
  try {
    await pipe.transform(JSON.parse(json), { type: 'body', metatype: dto });
    return true;
  } catch {
    return false;
  }
}
