"""Milvus backend: the two collections' schemas and their vector index and search parameters.

pymilvus is imported only inside these functions (through milvus_conn), when a Milvus index is built or opened.
"""

from __future__ import annotations

from index.store.milvus_conn import MAX_VARCHAR, Analyzer, MilvusIndex, MilvusSettings, _pymilvus

# BM25 fields by token prefix (index.tokenize.TERM_WEIGHTS): (text field, sparse field). With the project's own
# tokens every field has its own BM25 (as the local backend's FieldedBm25); Milvus' jieba has the exact one only.
SPARSE_FIELDS = {"": ("bm25_text", "sparse"), "py:": ("bm25_text_py", "sparse_py"), "en:": ("bm25_text_en", "sparse_en")}


def sparse_fields(analyzer: Analyzer) -> dict[str, tuple[str, str]]:
    """The BM25 fields a collection built with this analyzer has, by token prefix."""
    return SPARSE_FIELDS if analyzer is Analyzer.TOKENS else {"": SPARSE_FIELDS[""]}


def passage_schema(dim: int, analyzer: Analyzer):
    """Passages: chunk id, row order, filter fields, the chunk as JSON, folded text, BM25 texts and sparse, vector."""
    pymilvus = _pymilvus()
    dt = pymilvus.DataType
    schema = pymilvus.MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("chunk_id", dt.VARCHAR, is_primary=True, max_length=1024)
    schema.add_field("row", dt.INT64)
    schema.add_field("doc", dt.VARCHAR, max_length=1024)
    schema.add_field("speaker", dt.VARCHAR, max_length=1024)
    schema.add_field("kind", dt.VARCHAR, max_length=64)
    schema.add_field("chunk", dt.VARCHAR, max_length=MAX_VARCHAR)
    schema.add_field("folded", dt.VARCHAR, max_length=MAX_VARCHAR)
    for text, sparse in sparse_fields(analyzer).values():
        schema.add_field(text, dt.VARCHAR, max_length=MAX_VARCHAR, enable_analyzer=True, analyzer_params=analyzer.params())
        schema.add_field(sparse, dt.SPARSE_FLOAT_VECTOR)
    schema.add_field("vector", dt.FLOAT_VECTOR, dim=dim)
    for text, sparse in sparse_fields(analyzer).values():
        schema.add_function(
            pymilvus.Function(
                name="bm25" + sparse[len("sparse"):], function_type=pymilvus.FunctionType.BM25,
                input_field_names=[text], output_field_names=[sparse],
            )
        )
    return schema


def sentence_schema(dim: int):
    """Sentences: one row per (chunk, position), with the chunk's filter fields and the sentence vector."""
    pymilvus = _pymilvus()
    dt = pymilvus.DataType
    schema = pymilvus.MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("sid", dt.VARCHAR, is_primary=True, max_length=1100)
    schema.add_field("chunk_id", dt.VARCHAR, max_length=1024)
    schema.add_field("pos", dt.INT64)
    schema.add_field("doc", dt.VARCHAR, max_length=1024)
    schema.add_field("speaker", dt.VARCHAR, max_length=1024)
    schema.add_field("kind", dt.VARCHAR, max_length=64)
    schema.add_field("vector", dt.FLOAT_VECTOR, dim=dim)
    return schema


def vector_index(client, settings: MilvusSettings, count: int):
    """Index parameters for the vector field (IVF_FLAT gets about 4 x sqrt(count) clusters)."""
    params = client.prepare_index_params()
    extra = {}
    if settings.index is MilvusIndex.IVF_FLAT:
        extra = {"nlist": int(min(max(4 * count**0.5, 1), 65_536))}
    elif settings.index is MilvusIndex.HNSW:
        extra = {"M": 32, "efConstruction": 80}
    params.add_index("vector", index_type=settings.index.value, metric_type="IP", params=extra)
    return params


def search_params(backend: dict) -> dict:
    """Search parameters for the recorded index type."""
    kind = backend.get("index", "FLAT")
    if kind == MilvusIndex.IVF_FLAT.value:
        return {"metric_type": "IP", "params": {"nprobe": int(backend.get("nprobe", 32))}}
    if kind == MilvusIndex.HNSW.value:
        return {"metric_type": "IP", "params": {"ef": 256}}
    return {"metric_type": "IP"}
