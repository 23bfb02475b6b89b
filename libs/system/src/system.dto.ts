import { ApiProperty } from '@nestjs/swagger';

/** What a worker answered to a ping, and how long the round trip through the queue took. */
export class PingView {
  @ApiProperty({ enum: [true] })
  pong!: true;

  @ApiProperty({ description: 'the nonce the ping carried' })
  nonce!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ description: 'process id of the worker that answered' })
  workerPid!: number;

  @ApiProperty({ description: 'milliseconds from queueing the job to its result' })
  roundTripMs!: number;
}

