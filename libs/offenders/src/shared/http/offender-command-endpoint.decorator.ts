import { applyDecorators, HttpCode, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { Access, type Permission } from '@ppo/auth';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommandResponseInterceptor } from './command-response.interceptor';

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

/**
 * Routing, access and OpenAPI shared by every command on an existing offender:
 * day-to-day commands need `offender.command`; adoption, deselection and strand
 * changes pass `offender.supervise`. The offender must be in the caller's areas.
 */
export function OffenderCommandEndpoint(summary: string, path = '', permission: Permission = 'offender.command') {
  return applyDecorators(
    Post(path),
    Access(permission, { offenderParam: 'offenderId' }),
    ApiBearerAuth(),
    HttpCode(200),
    UseInterceptors(CommandResponseInterceptor),
    ApiTags('Offender commands'),
    ApiOperation({ summary }),
    ApiParam({ name: 'offenderId', format: 'uuid' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Apply only if the record is still at this version, e.g. "3"' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first response' }),
    ApiOkResponse({ description: 'Applied: the new version is in the body and the ETag' }),
    ApiResponse({ status: 400, description: 'The request is malformed', content: problem }),
    ApiResponse({ status: 401, description: 'No valid bearer token', content: problem }),
    ApiResponse({ status: 403, description: 'None of your roles allows this command', content: problem }),
    ApiResponse({ status: 404, description: 'No such offender in your areas', content: problem }),
    ApiResponse({ status: 409, description: 'A rule refused the command', content: problem }),
    ApiResponse({ status: 412, description: 'If-Match is stale', content: problem }),
    ApiResponse({ status: 422, description: 'Impossible dates, or an Idempotency-Key reused for another request', content: problem }),
  );
}

/** The offender id from the path, which must be a UUID. */
export const OffenderId = () => Param('offenderId', new ParseUUIDPipe({ version: undefined }));
