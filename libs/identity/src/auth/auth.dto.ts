import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../users/users.dto';

/** A signed access token: send it as `Authorization: Bearer <accessToken>`. */
export class AccessToken {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'seconds until the token expires' })
  expiresIn!: number;
}

/** A new session: the account just created or claimed, and its token. */
export class SessionView extends AccessToken {
  @ApiProperty({ type: UserView })
  user!: UserView;
}
