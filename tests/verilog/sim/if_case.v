module top;
  reg [2:0] s;
  integer k;
  initial begin
    for (k = 0; k < 8; k = k + 1) begin
      s = k;
      if (s < 3) $display("%0d small", s);
      else if (s == 3) $display("%0d three", s);
      else $display("%0d big", s);
      case (s)
        3'd0, 3'd1: $display("case low");
        3'd5: $display("case five");
        default: $display("case other");
      endcase
    end
  end
endmodule
