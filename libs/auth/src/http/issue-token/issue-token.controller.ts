import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccessError } from '../../access/access-error';
import { Public } from '../../access/access-rule.decorator';
import { LocalSignIn, SIGN_IN_FAILED, SignInFailedError } from '../../sign-in/local-sign-in';
import { ACCESS_TOKEN_SECONDS, AccessTokens } from '../../tokens/access-tokens';
import { IssueTokenDto, type IssuedToken } from './issue-token.dto';

@ApiTags('Sign-in')
@Controller('api/auth/token')
export class IssueTokenController {
  constructor(
    private readonly signIn: LocalSignIn,
    private readonly tokens: AccessTokens,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A bearer token for a local account (15 minutes); send it as Authorization: Bearer <token>' })
  @ApiOkResponse({ description: 'The token' })
  @ApiResponse({ status: 401, description: 'Wrong username or password, or the account is locked or disabled (one answer for all)' })
  @ApiResponse({ status: 429, description: 'Too many attempts from this address' })
  async issue(@Body() body: IssueTokenDto): Promise<IssuedToken> {
    try {
      const account = await this.signIn.signIn(body.username, body.password);
      return { access_token: await this.tokens.issue(account.id), token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS };
    } catch (error) {
      if (error instanceof SignInFailedError) throw new AccessError('AUTH.SIGN_IN_FAILED', 401, 'Sign-in failed.', SIGN_IN_FAILED);
      throw error;
    }
  }
}
