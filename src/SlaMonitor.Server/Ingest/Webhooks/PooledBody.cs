using System.Buffers;

namespace SlaMonitor.Server.Ingest.Webhooks;

/// <summary>A request body read into an array rented from the shared pool; returned to it on dispose.</summary>
public sealed class PooledBody(int initialCapacity) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _length;

    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    /// <summary>Reads the next chunk, growing the buffer when full; false once the stream has ended.</summary>
    public async Task<bool> ReadFromAsync(Stream stream, CancellationToken ct)
    {
        if (_length == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_length), ct);
        _length += read;
        return read > 0;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _length = 0;
    }
}
