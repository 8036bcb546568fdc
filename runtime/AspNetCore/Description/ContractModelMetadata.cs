using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Contracts.Runtime.AspNetCore;

/// <summary>
/// The least model metadata an API description needs: its type. OpenAPI document generation reads the model type of
/// parameters (string-typed values that are really enums), so it cannot be left null; everything MVC model binding
/// would read (display, validation, binding) is inert because no model binder ever sees a generated endpoint.
/// </summary>
internal sealed class ContractModelMetadata : ModelMetadata
{
    private static readonly IReadOnlyDictionary<object, object> s_noValues = new Dictionary<object, object>();
    private static readonly DefaultModelBindingMessageProvider s_messages = new();

    public ContractModelMetadata(Type modelType)
        : base(ModelMetadataIdentity.ForType(modelType))
    {
    }

    public override IReadOnlyDictionary<object, object> AdditionalValues => s_noValues;
    public override string? BinderModelName => null;
    public override Type? BinderType => null;
    public override BindingSource? BindingSource => null;
    public override bool ConvertEmptyStringToNull => false;
    public override string? DataTypeName => null;
    public override string? Description => null;
    public override string? DisplayFormatString => null;
    public override string? DisplayName => null;
    public override string? EditFormatString => null;
    public override ModelMetadata? ElementMetadata => null;
    public override IEnumerable<KeyValuePair<EnumGroupAndName, string>>? EnumGroupedDisplayNamesAndValues => null;
    public override IReadOnlyDictionary<string, string>? EnumNamesAndValues => null;
    public override bool HasNonDefaultEditFormat => false;
    public override bool HideSurroundingHtml => false;
    public override bool HtmlEncode => true;
    public override bool IsBindingAllowed => true;
    public override bool IsBindingRequired => false;
    public override bool IsEnum => ModelType.IsEnum;
    public override bool IsFlagsEnum => false;
    public override bool IsReadOnly => true;
    public override bool IsRequired => false;
    public override ModelBindingMessageProvider ModelBindingMessageProvider => s_messages;
    public override string? NullDisplayText => null;
    public override int Order => 0;
    public override string? Placeholder => null;
    public override ModelPropertyCollection Properties { get; } = new(Array.Empty<ModelMetadata>());
    public override IPropertyFilterProvider? PropertyFilterProvider => null;
    public override Func<object, object?>? PropertyGetter => null;
    public override Action<object, object?>? PropertySetter => null;
    public override bool ShowForDisplay => false;
    public override bool ShowForEdit => false;
    public override string? SimpleDisplayProperty => null;
    public override string? TemplateHint => null;
    public override bool ValidateChildren => false;
    public override IReadOnlyList<object> ValidatorMetadata => Array.Empty<object>();
}
