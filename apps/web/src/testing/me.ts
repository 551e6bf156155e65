import { MeDto, PermissionCode } from '@fazhi/contracts';

/** A signed-in user for tests, holding the given permission codes. */
export function testMe(permissions: readonly PermissionCode[] = [], overrides: Partial<MeDto> = {}): MeDto {
  return {
    id: 'u-1',
    username: 'tester',
    displayName: '测试员',
    orgUnitId: 'town-1',
    orgUnitName: '广海镇',
    townId: 'town-1',
    timeZone: 'Asia/Shanghai',
    roles: [],
    permissions: [...permissions],
    scope: { towns: [{ id: 'town-1', name: '广海镇', level: 'town' }], villages: [], ownOnly: false },
    mustChangePassword: false,
    passwordExpiresAt: null,
    sessionExpiresAt: '2021-06-01T12:00:00.000Z',
    ...overrides,
  };
}
