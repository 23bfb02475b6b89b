import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { PasswordFields } from '../users/users.dto';

export class ClaimAccountDto extends PasswordFields {
  @ApiProperty({ description: 'the token of the account.created email' })
  @IsString()
  @Length(20, 100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token must be the claim token of the email, as sent' })
  token!: string;
}
