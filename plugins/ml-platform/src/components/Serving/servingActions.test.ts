import { responseError } from '../../testUtils/overviewFixtures';
import {
  canaryDeployment,
  deployment,
  predictor,
} from '../../testUtils/servingFixtures';
import {
  addablePredictors,
  backendMessage,
  canaryIssue,
  canaryRequest,
  describeChange,
  describeDeploymentDeletion,
  describeServingFailure,
  initialTrafficShares,
  isForbidden,
  isNotFound,
  servingPredictors,
  trafficIssue,
  trafficRequest,
} from './servingActions';

describe('servingActions', () => {
  it('keeps the backend message and tells 403 and 404 apart', async () => {
    const forbidden = await responseError(403, 'You are not in team-a');
    expect(backendMessage(forbidden)).toBe('You are not in team-a');
    expect(isForbidden(forbidden)).toBe(true);
    expect(isNotFound(forbidden)).toBe(false);
    expect(isNotFound(await responseError(404, 'gone'))).toBe(true);
    expect(backendMessage(new Error('offline'))).toBe('offline');
    expect(isForbidden(new Error('x'))).toBe(false);
  });

  it('starts the traffic form with the shares of the non-shadow predictors', () => {
    const canary = canaryDeployment();
    expect(servingPredictors(canary).map(p => p.name)).toEqual(['v2', 'v3']);
    expect(initialTrafficShares(canary)).toEqual({ v2: '80', v3: '20' });
  });

  it('wants whole shares that add up to 100', () => {
    expect(trafficIssue({ v2: '70', v3: '30' })).toBeUndefined();
    expect(trafficIssue({ v2: '70', v3: '20' })).toBe(
      'The shares add up to 90 %: they must add up to 100 %.',
    );
    expect(trafficIssue({ v2: '70.5', v3: '' })).toBe(
      'The share of v2, v3 must be a whole number from 0 to 100.',
    );
    expect(trafficIssue({ v2: '101', v3: '0' })).toMatch(/^The share of v2/);
    expect(trafficRequest({ v2: ' 70 ', v3: '30' })).toEqual({
      v2: 70,
      v3: 30,
    });
  });

  it('allows a canary beside one serving predictor, and one shadow', () => {
    expect(addablePredictors(deployment())).toEqual({
      canary: true,
      shadow: true,
    });
    expect(addablePredictors(canaryDeployment())).toEqual({
      canary: false,
      shadow: false,
    });
    expect(
      addablePredictors(
        deployment({
          predictors: [
            predictor(),
            predictor({ version: '3', shadow: true, main: false }),
          ],
        }),
      ),
    ).toEqual({ canary: true, shadow: false });
  });

  it('checks and builds the canary request', () => {
    expect(
      canaryIssue({ choice: 'version:3', traffic: '10', shadow: false }),
    ).toBeUndefined();
    expect(canaryIssue({ choice: '', traffic: '10', shadow: false })).toBe(
      'Choose a version or an alias.',
    );
    for (const traffic of ['0', '100', '', '5.5']) {
      expect(canaryIssue({ choice: 'version:3', traffic, shadow: false })).toBe(
        'The canary takes a whole percent of the traffic from 1 to 99.',
      );
    }
    expect(
      canaryIssue({ choice: 'version:3', traffic: '', shadow: true }),
    ).toBeUndefined();
    expect(
      canaryRequest({ choice: 'version:3', traffic: ' 10', shadow: false }),
    ).toEqual({ version: '3', traffic: 10 });
    expect(
      canaryRequest(
        { choice: 'alias:challenger', traffic: '', shadow: true },
        true,
      ),
    ).toEqual({ alias: 'challenger', shadow: true, dryRun: true });
  });

  it('describes outcomes with the backend notes and failures in its words', async () => {
    expect(
      describeServingFailure(
        'promote',
        'v3',
        await responseError(409, 'Deployment "scorer" serves only version 3'),
      ),
    ).toBe('Could not promote v3: Deployment "scorer" serves only version 3');
    expect(describeChange('Promoted v3.', { notes: ['Pods of v2 go.'] })).toBe(
      'Promoted v3. Pods of v2 go.',
    );
    expect(
      describeDeploymentDeletion('scorer', {
        deleted: ['SeldonDeployment/scorer'],
        kept: ['Secret/scorer-init'],
        notes: ['The catalog drops it at its next refresh.'],
      }),
    ).toBe(
      'Deleted deployment scorer. Kept Secret/scorer-init. The catalog drops it at its next refresh.',
    );
  });
});
