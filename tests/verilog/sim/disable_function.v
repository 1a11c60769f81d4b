// disable of a named block inside a function.
module t;
  function [3:0] first_one(input [7:0] v);
    integer i;
    begin
      first_one = 4'hf;
      begin : scan
        for (i = 0; i < 8; i = i + 1)
          if (v[i]) begin
            first_one = i;
            disable scan;
          end
      end
    end
  endfunction
  initial begin
    $display("%0d %0d %0d", first_one(8'b0010_1000), first_one(8'h80), first_one(8'h00));
  end
endmodule
