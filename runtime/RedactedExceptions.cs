using System;
using System.Collections;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using Contracts.Runtime.Http;

namespace Contracts.Runtime;

/// <summary>
/// The inner exceptions of an <see cref="ApiException"/>, made safe to print. A <see cref="JsonException"/> quotes the
/// body's member names in its path, a transport exception may quote what the server sent, and an exception's message
/// cannot be changed once it exists, so the chain is replaced, when the <see cref="ApiException"/> is created, by
/// copies whose messages are escaped and bounded (<see cref="ResponseText"/>) and later scrubbed of the request's
/// credentials (<see cref="ApiException.Redact"/>). Each copy keeps its original's type (it derives from it) for the
/// types the runtime wraps — <see cref="JsonException"/> (with its path and position), <see cref="HttpRequestException"/>
/// (with its status), <see cref="IOException"/> — and its stack trace, source and data; an exception of any other type
/// becomes a plain <see cref="Exception"/> that prints its original type's name.
/// </summary>
internal static class RedactedExceptions
{
    public static Exception? Wrap(Exception? exception)
    {
        if (exception is null or ApiException or IRedactable)
        {
            // An ApiException is already safe to print (and is redacted with its outer one); a copy is not copied again.
            return exception;
        }

        var inner = Wrap(exception.InnerException);
        return exception switch
        {
            JsonException json => new RedactedJsonException(json, inner),
#if NET8_0_OR_GREATER
            HttpRequestException http => new RedactedHttpRequestException(http, inner),
            HttpIOException httpIO => new RedactedHttpIOException(httpIO, inner),
#else
            HttpRequestException http => new RedactedHttpRequestException(http, inner),
#endif
            IOException io => new RedactedIOException(io, inner),
            _ => new RedactedException(exception, inner),
        };
    }

    /// <summary>Scrubs the credentials out of every copy in the chain.</summary>
    public static void Redact(Exception? exception, CredentialScrubber scrubber)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case IRedactable redactable:
                    redactable.Redact(scrubber);
                    break;
                case ApiException api:
                    api.Redact(scrubber);
                    return; // It redacts its own chain.
            }
        }
    }

    /// <summary>The printable message of <paramref name="original"/>, with a JSON path in it shortened first.</summary>
    private static string PrintableMessage(Exception original)
    {
        var message = original.Message;
        if (original is JsonException { Path: { Length: > ResponseText.MaxQuotedLength } path })
        {
            message = message.Replace(path, ResponseText.Printable(path, ResponseText.MaxQuotedLength));
        }

        return ResponseText.Printable(message, ResponseText.MaxMessageLength);
    }

    private interface IRedactable
    {
        void Redact(CredentialScrubber scrubber);
    }

    /// <summary>What every copy shares: the printable message, scrubbed on demand, and what it forwards to its original.</summary>
    private sealed class Copy(Exception original)
    {
        public string Message { get; private set; } = PrintableMessage(original);

        public Exception Original { get; } = original;

        public void Redact(CredentialScrubber scrubber) => Message = scrubber.Scrub(Message)!;

        /// <summary>Exception.ToString names GetType(); the reader wants the type that was thrown.</summary>
        public string Rename(Exception copy, string text)
        {
            var copyName = copy.GetType().ToString();
            return text.StartsWith(copyName, StringComparison.Ordinal) ? Original.GetType() + text.Substring(copyName.Length) : text;
        }
    }

    private sealed class RedactedJsonException(JsonException original, Exception? inner)
        : JsonException(PrintableMessage(original), PrintablePath(original.Path), original.LineNumber, original.BytePositionInLine, inner), IRedactable
    {
        private readonly Copy _copy = new(original);

        public override string Message => _copy.Message;

        public override string? StackTrace => _copy.Original.StackTrace;

        public override string? Source { get => _copy.Original.Source; set => _copy.Original.Source = value; }

        public override IDictionary Data => _copy.Original.Data;

        public void Redact(CredentialScrubber scrubber) => _copy.Redact(scrubber);

        public override string ToString() => _copy.Rename(this, base.ToString());

        private static string? PrintablePath(string? path) => path is null ? null : ResponseText.Printable(path, ResponseText.MaxQuotedLength);
    }

    private sealed class RedactedHttpRequestException : HttpRequestException, IRedactable
    {
        private readonly Copy _copy;

        public RedactedHttpRequestException(HttpRequestException original, Exception? inner)
#if NET8_0_OR_GREATER
            : base(original.HttpRequestError, PrintableMessage(original), inner, original.StatusCode)
#else
            : base(PrintableMessage(original), inner)
#endif
        {
            _copy = new Copy(original);
            HResult = original.HResult;
        }

        public override string Message => _copy.Message;

        public override string? StackTrace => _copy.Original.StackTrace;

        public override string? Source { get => _copy.Original.Source; set => _copy.Original.Source = value; }

        public override IDictionary Data => _copy.Original.Data;

        public void Redact(CredentialScrubber scrubber) => _copy.Redact(scrubber);

        public override string ToString() => _copy.Rename(this, base.ToString());
    }

#if NET8_0_OR_GREATER
    private sealed class RedactedHttpIOException : HttpIOException, IRedactable
    {
        private readonly Copy _copy;

        public RedactedHttpIOException(HttpIOException original, Exception? inner)
            : base(original.HttpRequestError, PrintableMessage(original), inner)
        {
            _copy = new Copy(original);
            HResult = original.HResult;
        }

        public override string Message => _copy.Message;

        public override string? StackTrace => _copy.Original.StackTrace;

        public override string? Source { get => _copy.Original.Source; set => _copy.Original.Source = value; }

        public override IDictionary Data => _copy.Original.Data;

        public void Redact(CredentialScrubber scrubber) => _copy.Redact(scrubber);

        public override string ToString() => _copy.Rename(this, base.ToString());
    }
#endif

    private sealed class RedactedIOException : IOException, IRedactable
    {
        private readonly Copy _copy;

        public RedactedIOException(IOException original, Exception? inner)
            : base(PrintableMessage(original), inner)
        {
            _copy = new Copy(original);
            HResult = original.HResult;
        }

        public override string Message => _copy.Message;

        public override string? StackTrace => _copy.Original.StackTrace;

        public override string? Source { get => _copy.Original.Source; set => _copy.Original.Source = value; }

        public override IDictionary Data => _copy.Original.Data;

        public void Redact(CredentialScrubber scrubber) => _copy.Redact(scrubber);

        public override string ToString() => _copy.Rename(this, base.ToString());
    }

    /// <summary>Any other type: a plain exception that prints as its original would, under the original's type name.</summary>
    private sealed class RedactedException : Exception, IRedactable
    {
        private readonly Copy _copy;

        public RedactedException(Exception original, Exception? inner)
            : base(PrintableMessage(original), inner)
        {
            _copy = new Copy(original);
            HResult = original.HResult;
        }

        public override string Message => _copy.Message;

        public override string? StackTrace => _copy.Original.StackTrace;

        public override string? Source { get => _copy.Original.Source; set => _copy.Original.Source = value; }

        public override IDictionary Data => _copy.Original.Data;

        public void Redact(CredentialScrubber scrubber) => _copy.Redact(scrubber);

        public override string ToString() => _copy.Rename(this, base.ToString());
    }
}
