// Nested generate loops create a two-dimensional array of named blocks addressed as outer[i].inner[j].
module top;
  genvar i, j;
  generate
    for (i = 0; i < 3; i = i + 1) begin : row
      for (j = 0; j < 2; j = j + 1) begin : col
        wire [7:0] id = i * 10 + j;
      end
    end
  endgenerate
  initial begin
    #1 $display("%0d %0d %0d %0d", row[0].col[0].id, row[0].col[1].id, row[2].col[0].id, row[2].col[1].id);
  end
endmodule
