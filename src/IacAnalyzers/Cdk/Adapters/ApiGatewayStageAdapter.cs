using System.Collections.Generic;
using IacAnalyzers.Model;

namespace IacAnalyzers.Cdk.Adapters
{
    /// <summary>
    /// <c>Amazon.CDK.AWS.APIGateway.Stage</c> → <c>AWS::ApiGateway::Stage</c>: its <c>StageProps</c> are
    /// <c>StageOptions</c> (see <see cref="ApiGatewayStageOptions"/>). Props that cannot be read produce no view.
    /// </summary>
    public sealed class ApiGatewayStageAdapter : CdkAdapter
    {
        public ApiGatewayStageAdapter()
            : base("AWS::ApiGateway::Stage")
        {
            OnCreation("Amazon.CDK.AWS.APIGateway.Stage");
        }

        public override void Build(AdapterInput input, IList<ResourceView> output)
        {
            if (input.Props is MapValue props && CdkValues.TypeName(props) == null)
            {
                output.Add(input.View("AWS::ApiGateway::Stage", ApiGatewayStageOptions.Entries(props)));
            }
        }
    }
}
