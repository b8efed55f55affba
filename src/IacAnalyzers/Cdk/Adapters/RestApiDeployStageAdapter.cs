using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.APIGateway.RestApi</c> (and <c>LambdaRestApi</c>, <c>StepFunctionsRestApi</c>) and
    /// <c>SpecRestApi</c> → the <c>AWS::ApiGateway::Stage</c> their deployment creates. <c>RestApiBaseProps.Deploy</c>:
    /// "Indicates if a Deployment should be automatically created for this API ... (by default)";
    /// <c>DeployOptions</c>: "Options for the API Gateway stage that will always point to the latest deployment when
    /// <c>deploy</c> is enabled. Default: - Based on defaults of <c>StageOptions</c>" (no cache cluster). So a view is
    /// produced only when <c>DeployOptions</c> is written as an object (see <see cref="ApiGatewayStageOptions"/>) and
    /// <c>Deploy</c> is not false; unknown <c>Deploy</c> or options produce none.
    /// </summary>
    public sealed class RestApiDeployStageAdapter : CdkAdapter
    {
        public RestApiDeployStageAdapter()
            : base("AWS::ApiGateway::Stage")
        {
            OnCreation("Amazon.CDK.AWS.APIGateway.RestApi");
            OnCreation("Amazon.CDK.AWS.APIGateway.SpecRestApi");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (!(input.Props is MapValue props) || CdkValues.TypeName(props) != null)
            {
                return;
            }

            var deploy = props.Get("Deploy");
            if (deploy != null && !(deploy is ScalarValue s && s.AsBoolean() == true))
            {
                return;
            }

            if (props.Get("DeployOptions") is MapValue options && CdkValues.TypeName(options) == null)
            {
                output.Add(input.View("AWS::ApiGateway::Stage", ApiGatewayStageOptions.Entries(options)));
            }
        }
    }
}
