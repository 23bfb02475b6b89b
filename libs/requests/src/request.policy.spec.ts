import { allowedActions, REQUEST_STATUSES, type RequestStatus, type RequestViewer } from './request.policy';

const kenya: RequestViewer = { role: 'focal_point', country: 'KEN' };
const uganda: RequestViewer = { role: 'focal_point', country: 'UGA' };
const staff: RequestViewer = { role: 'staff', country: null };
const admin: RequestViewer = { role: 'admin', country: null };
const auditor: RequestViewer = { role: 'auditor', country: null };

const request = (status: RequestStatus, activityId: string | null = null) => ({ status, country: 'KEN', activityId });

describe('allowedActions of a national request', () => {
  it.each<[RequestStatus, string[], string[]]>([
    ['submitted', ['edit', 'withdraw'], ['review']],
    ['under_review', ['withdraw'], ['approve', 'reject']],
    ['approved', [], ['schedule']],
    ['rejected', [], []],
    ['withdrawn', [], []],
  ])('%s: the requester may %j, the committee %j', (status, requester, committee) => {
    expect(allowedActions(request(status), kenya)).toEqual(requester);
    expect(allowedActions(request(status), staff)).toEqual(committee);
    expect(allowedActions(request(status), admin)).toEqual(committee);
  });

  it('offers nothing to another country focal point or to other roles', () => {
    for (const status of REQUEST_STATUSES) {
      expect(allowedActions(request(status), uganda)).toEqual([]);
      expect(allowedActions(request(status), auditor)).toEqual([]);
    }
  });

  it('no longer offers schedule once the request is scheduled', () => {
    expect(allowedActions(request('approved', 'a1'), staff)).toEqual([]);
  });
});
